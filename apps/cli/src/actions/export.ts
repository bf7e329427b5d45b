import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { DIFF_OPERATIONS } from '@planning-hub/contracts/api/operations/diff';
import { API } from '@planning-hub/contracts/api/routes';
import { ZInputSetRef } from '@planning-hub/contracts/labels';
import type { TApiClient } from '../api/api-client';
import type { THttpResponse } from '../api/http-transport';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import { printJson, runWithApi, writeStdout } from '../cli-runtime';
import type { TExportOptions } from '../commands/export';
import { formatDiffMoved } from '../diff/format-diff-moved';
import { openDiffExport, waitForDiff } from '../diff/wait-for-diff';
import { movedRequestOf, waitForDiffSummary } from '../diff/wait-for-diff-summary';
import { extractExportZip } from '../export/extract-zip';
import { formatDiffSummary } from '../format-diff';
import { parseOption, parseOptions } from '../options/parse-options';

type TExported = {
  label: string;
  revision: number;
  status: string;
  versionId: string;
  contentHash: string;
  output: string;
  files: string[];
};

/**
 * GET .../export (a zip) to a temporary file, then its files into `outDir`. The revision's
 * metadata is read before and after: a draft replaced in between would make the printed
 * content hash a lie, so that is refused.
 */
async function exportToFolder(api: TApiClient, ref: string, outDir: string): Promise<TExported> {
  const before = await api.getJson(API.inputSet(ref), ZInputSetDetail);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-export-'));
  try {
    const zipPath = path.join(scratch, 'export.zip');
    const response = await api.request(API.exportZip(ref));
    await pipeline(response.body, createWriteStream(zipPath));
    const after = await api.getJson(API.inputSet(ref), ZInputSetDetail);
    if (after.id !== before.id || after.contentHash !== before.contentHash) {
      throw new CliError(cliText('cli.error.export_changed', { ref }), {
        hint: cliText('cli.hint.export_again', {}),
      });
    }
    const files = await extractExportZip(zipPath, outDir);
    return {
      label: before.label,
      revision: before.revision,
      status: before.status,
      versionId: before.versionId,
      contentHash: before.contentHash,
      output: outDir,
      files,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function printExported(ref: string, exported: TExported): void {
  console.log(`✓ Exported '${ref}' (r${exported.revision}, ${exported.status}) to ${exported.output}`);
  console.log(`  content hash  ${exported.contentHash}`);
  console.log(`  files         ${exported.files.join(', ')}`);
  console.log(
    `Re-import with  pnpm planning import -i ${path.relative(process.cwd(), exported.output) || exported.output} --version-id ${exported.versionId} --label ${exported.label}`,
  );
}

/**
 * The server's diff document on stdout as it comes (a million changed rows never sit in
 * memory); with `exported`, an `"export": {...}` member goes first, as the CLI always wrote it.
 */
async function copyDiffDocument(response: THttpResponse, exported: TExported | undefined): Promise<void> {
  let isFirst = true;
  for await (const chunk of response.body) {
    let bytes = chunk as Buffer;
    if (isFirst && exported) {
      // The document starts with `{` (ASCII), so cutting the bytes right after it never splits a character.
      const opening = bytes.indexOf(0x7b);
      if (opening < 0) throw new CliError(cliText('cli.error.diff_not_object', {}));
      const member = JSON.stringify(exported, null, 2).replace(/\n/g, '\n  ');
      bytes = Buffer.concat([Buffer.from(`{\n  "export": ${member},`), bytes.subarray(opening + 1)]);
    }
    isFirst = false;
    await writeStdout(bytes);
  }
}

export async function runExport(options: TExportOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    if (options.by !== undefined && options.diffAgainst === undefined) {
      throw new CliError('--by totals a diff: give --diff-against <ref> too.');
    }
    const ref = parseOption(ZInputSetRef, '--label', options.label);
    const { against } = parseOptions(DIFF_OPERATIONS.exportDiff.query, {
      against: ['--diff-against', options.diffAgainst],
    });
    const moved = options.by === undefined ? undefined : movedRequestOf({ ...options, by: options.by });
    const shouldExport = options.diffAgainst === undefined || options.output !== undefined;
    let exported: TExported | undefined;
    if (shouldExport) {
      const outDir = path.resolve(options.output ?? path.join('out', `planning_inputs_${ref}`));
      exported = await exportToFolder(api, ref, outDir);
      if (against === undefined && options.json) printJson(exported);
      else if (!options.json) printExported(ref, exported);
    }
    if (against === undefined) return;
    const pair = { ref, against };
    if (moved) {
      // What moved instead of the rows: the totals and the top movers (docs/runbook.ja.md section 6).
      const summary = await waitForDiffSummary(api, pair, moved);
      if (options.json) printJson(exported ? { export: exported, ...summary } : summary);
      else console.log(`${formatDiffSummary(await waitForDiff(api, pair))}\n\n${formatDiffMoved(summary)}`);
      return;
    }
    if (options.json) await copyDiffDocument(await openDiffExport(api, pair), exported);
    else console.log(formatDiffSummary(await waitForDiff(api, pair)));
  });
}
