import { once } from 'node:events';
import { DIFF_KINDS } from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { readAllDiffRows, type TDiffCachePaths, type TDiffManifest } from '@planning-hub/server/services/diff/diff-cache';

const number = new Intl.NumberFormat('en-US');

/** The per-table summary of a diff, as a terminal table. */
export function formatDiffSummary(manifest: TDiffManifest, cacheFile: string): string {
  const header = ['table', 'added', 'removed', 'changed', 'unchanged'];
  const rows: (string | number)[][] = manifest.summary.map((s) => [s.table, s.added, s.removed, s.changed, s.unchanged]);
  const t = manifest.totals;
  rows.push(['total', t.added, t.removed, t.changed, t.unchanged]);
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? number.format(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [
    `✓ Diff of '${manifest.ref}' (r${manifest.refRevision}) against '${manifest.against}' (r${manifest.againstRevision})` +
      (manifest.identical ? ': same content hash, nothing changed' : ''),
    line(header),
    ...cells.map(line),
    `  cache  ${cacheFile}`,
  ].join('\n');
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/**
 * The whole diff as one JSON document on stdout: the manifest's fields, then
 * `rows: {table: {added: [...], removed: [...], changed: [...]}}`, streamed from the
 * cache's row files one line at a time (a million changed rows never sit in memory).
 */
export async function printDiffJson(manifest: TDiffManifest, paths: TDiffCachePaths, extra: Record<string, unknown> = {}): Promise<void> {
  const { format: _format, rows: _rows, ...head } = manifest;
  const opening = JSON.stringify({ ...head, ...extra }, null, 2);
  await write(`${opening.slice(0, -2)},\n  "rows": {`);
  let isFirstTable = true;
  for (const table of TABLE_NAMES) {
    await write(`${isFirstTable ? '' : ','}\n    "${table}": {`);
    isFirstTable = false;
    let isFirstKind = true;
    for (const kind of DIFF_KINDS) {
      await write(`${isFirstKind ? '' : ','}\n      "${kind}": [`);
      isFirstKind = false;
      let isFirstRow = true;
      for await (const line of readAllDiffRows(paths, manifest, table, kind)) {
        await write(`${isFirstRow ? '' : ','}\n        ${line}`);
        isFirstRow = false;
      }
      await write(isFirstRow ? ']' : '\n      ]');
    }
    await write('\n    }');
  }
  await write('\n  }\n}\n');
}
