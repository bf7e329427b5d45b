import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RUN_OPERATIONS } from '@planning-hub/contracts/api/operations/runs';
import { API } from '@planning-hub/contracts/api/routes';
import { ZListRunsResponse, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import { EXIT } from '../cli-errors';
import { printJson, runWithApi } from '../cli-runtime';
import type {
  TRunArtifactOptions,
  TRunCreateOptions,
  TRunListOptions,
  TRunNoteOptions,
  TRunShowOptions,
} from '../commands/runs';
import { formatTable } from '../format';
import { formatRun } from '../format-run';
import { parseOptions } from '../options/parse-options';

export async function runCreateRun(options: TRunCreateOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const fields = { input_set_label: ['--label', options.label], note: ['--note', options.note] } as const;
    const run = options.plan
      ? await api.sendJson(
          'POST',
          API.planRuns(options.plan),
          parseOptions(RUN_OPERATIONS.createPlanRun.body.schema, fields),
          ZRunDetail,
        )
      : await api.sendJson(
          'POST',
          API.runs,
          parseOptions(RUN_OPERATIONS.createRun.body.schema, fields),
          ZRunDetail,
        );
    if (options.json) printJson(run);
    else console.log(formatRun(run));
    return run.status === 'failed' ? EXIT.failure : EXIT.ok;
  });
}

export async function runShowRun(id: string, options: TRunShowOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const run = await api.getJson(API.run(id), ZRunDetail);
    if (options.json) printJson(run);
    else console.log(formatRun(run));
  });
}

export async function runListRuns(options: TRunListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const query = parseOptions(RUN_OPERATIONS.listRuns.query, {
      plan_id: ['--plan', options.plan],
      limit: ['--limit', options.limit],
    });
    const result = await api.getJson(API.runs, ZListRunsResponse, query);
    if (options.json) return printJson(result);
    if (result.items.length === 0)
      return console.log('No runs yet. Start one with: pnpm planning runs create --label <label>');
    console.log(
      formatTable(
        ['ID', 'STATUS', 'INPUT SET', 'WARNINGS', 'SHA256', 'CREATED'],
        result.items.map((r) => [
          r.id,
          r.status,
          r.inputSetRevision !== null
            ? `${r.inputSetLabel} r${r.inputSetRevision}`
            : (r.inputSetLabel ?? '-'),
          r.warnings.map((w) => w.title).join(', '),
          r.sha256 ? r.sha256.slice(0, 12) : '',
          formatJst(r.createdAt),
        ]),
      ),
    );
  });
}

export async function runNoteRun(id: string, options: TRunNoteOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body = parseOptions(RUN_OPERATIONS.updateRunNote.body.schema, { note: ['--text', options.text] });
    const run = await api.sendJson('PUT', API.runNote(id), body, ZRunDetail);
    if (options.json) printJson(run);
    else console.log(`✓ Note of run ${run.id} saved.`);
  });
}

/**
 * `planning runs artifact <id>`: the exact bytes of the run's snapshot, hashed as they
 * are written, against the sha256 the server recorded (X-Content-SHA256).
 */
export async function runDownloadArtifact(id: string, options: TRunArtifactOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const response = await api.request(API.runArtifact(id));
    const expected = String(response.headers['x-content-sha256'] ?? '');
    const file = path.resolve(options.output);
    await mkdir(path.dirname(file), { recursive: true });
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(response.body, meter, createWriteStream(file));
    const actual = hash.digest('hex');
    const shown = path.relative(process.cwd(), file) || file;
    if (actual !== expected) {
      process.stderr.write(
        `✗ ${shown}: sha256 ${actual} does not match the ${expected ? `server's ${expected}` : 'server (it sent no X-Content-SHA256)'}.\n` +
          '  The file is kept for the escalation to SRE (docs/runbook.ja.md section 5).\n',
      );
      return EXIT.failure;
    }
    console.log(`OK  ${shown}  sha256 ${actual}  (${bytes} bytes)`);
    return EXIT.ok;
  });
}
