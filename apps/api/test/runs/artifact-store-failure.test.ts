import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZRunDetail } from '@planning-hub/contracts/api/runs';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { importReadySet, postJson, readMetric } from './run-fixtures';

const WRITE_ERRORS = 'plan_artifact_write_error_total{artifact="planning_input_set.json"}';

let server: TTestServer;
let planner: TTokenCaller;
let scratch: string;
let artifactDir: string;

beforeAll(async () => {
  // ARTIFACT_DIR is a file, so no folder can be created under it (fails for root too, unlike chmod).
  scratch = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-artifacts-'));
  artifactDir = path.join(scratch, 'not-a-folder');
  await writeFile(artifactDir, 'occupied');
  server = await startTestServer({ env: { ARTIFACT_DIR: artifactDir } });
  planner = await server.createUserWithToken('planner');
  await importReadySet(server.runtime.db.pool, 'weekly_refresh');
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('a failing artifact store', () => {
  it('fails the run with a clear message and counts plan_artifact_write_error_total{artifact="planning_input_set.json"}', async () => {
    expect(await readMetric(server, WRITE_ERRORS)).toBe(0);
    const res = await postJson(server, '/api/runs', planner.headers, { input_set_label: 'weekly_refresh' });
    expect(res.status).toBe(201);
    const run = ZRunDetail.parse(await res.json());
    expect(run).toMatchObject({
      status: 'failed',
      sha256: null,
      artifact: null,
      result: null,
      inputSetRevision: 1,
    });
    expect(run.error).toMatch(/^Could not write planning_input_set\.json to the artifact store: ENOTDIR/);
    expect(run.error).toContain('Check that ARTIFACT_DIR is a writable folder');
    // Viewers read run errors: the server's folders are not theirs to see (the log keeps them).
    expect(run.error).toContain(`'ARTIFACT_DIR/runs/${run.id}'`);
    expect(run.error).not.toContain(scratch);
    expect(await readMetric(server, WRITE_ERRORS)).toBe(1);

    const shown = ZRunDetail.parse(
      await (await server.fetch(`/api/runs/${run.id}`, { headers: planner.headers })).json(),
    );
    expect(shown).toMatchObject({ status: 'failed', error: run.error });
    const download = await server.fetch(`/api/runs/${run.id}/artifacts/planning_input_set.json`, {
      headers: planner.headers,
    });
    expect(download.status).toBe(404);
    expect(ZProblemDetails.parse(await download.json()).hint).toContain(
      'The run failed: Could not write planning_input_set.json',
    );
    // Nothing half-written is left next to the file that is in the way.
    expect(await readdir(scratch)).toEqual(['not-a-folder']);
  });

  it('does not count runs that write no artifact', async () => {
    await postJson(server, '/api/runs', planner.headers, {});
    expect(await readMetric(server, WRITE_ERRORS)).toBe(1);
  });
});
