import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '@planning-hub/contracts/api/auth';
import { ZDiffJobState, ZDiffResponse, ZDiffResult } from '@planning-hub/contracts/api/diff';
import { ZImportReport, ZInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { createEditedPair } from '@planning-hub/test-support/diff-fixtures';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiProcess } from '../support/api-instances';

/**
 * Past one machine (docs/deployment.md): two API replicas (SERVER_ROLE=api) and a diff
 * worker (SERVER_ROLE=worker), each a real `node apps/api/src/server.ts`, on one
 * PostgreSQL and one shared work folder (tmp/: the diff cache), as a load balancer in
 * front of N replicas would use them. Nothing is sticky: any replica answers any request.
 */

type TProcess = { baseUrl: string; child: ChildProcess };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
let workDir: string;
let a: TProcess;
let b: TProcess;
let worker: TProcess | undefined;
const headersOf: Partial<Record<TRole, Record<string, string>>> = {};

const ENV = { DIFF_POLL_INTERVAL_SECONDS: '0.5', DIFF_RETRY_DELAY_SECONDS: '1' };

async function tokenFor(role: TRole): Promise<Record<string, string>> {
  const username = `${role}-${randomBytes(3).toString('hex')}`;
  await createUser({
    prisma: clients.prisma,
    username,
    role,
    employeeId: null,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  const { token } = await createApiToken({ prisma: clients.prisma, username, name: 'test' });
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 2);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-replicas-'));
  for (const role of ['viewer', 'planner', 'reviewer'] as const) headersOf[role] = await tokenFor(role);
  // One after the other: each applies pending migrations at start (docs/deployment.md runs them once, before).
  a = await startApiProcess({ databaseUrl: database.url, workDir, env: { ...ENV, SERVER_ROLE: 'api' } });
  b = await startApiProcess({ databaseUrl: database.url, workDir, env: { ...ENV, SERVER_ROLE: 'api' } });
}, 180_000);

afterAll(async () => {
  for (const child of [a?.child, b?.child, worker?.child]) {
    if (!child || child.exitCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await clients?.close();
  await database?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

async function metric(baseUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`no sample ${sample} on ${baseUrl}`);
  return Number(line.slice(sample.length + 1));
}
const DIFF_SUCCESS = 'input_set_diff_jobs_total{result="success"}';
const IMPORTS_STORED = 'input_set_imports_total{entrypoint="rest",result="stored"}';
const APPROVALS = 'input_set_reviews_total{action="approve"}';
const CACHE_HITS = 'input_set_diff_cache_hits_total';

async function getDiff(baseUrl: string, ref: string) {
  const res = await fetch(`${baseUrl}${API.diff(ref)}`, { headers: headersOf.viewer });
  return { status: res.status, body: ZDiffResponse.parse(await res.json()) };
}

describe('two API replicas (SERVER_ROLE=api) and a diff worker (SERVER_ROLE=worker) on one database and work folder', () => {
  it('see the same data: an upload on A is there on B', async () => {
    const res = await fetch(`${a.baseUrl}${API.upload('shared')}`, {
      method: 'POST',
      headers: headersOf.planner,
      body: bundleFormData({ version_id: '2027-01-A' }),
    });
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    const onB = await fetch(`${b.baseUrl}${API.inputSet('shared@draft')}`, { headers: headersOf.viewer });
    expect(onB.status).toBe(200);
    expect(ZInputSetDetail.parse(await onB.json())).toMatchObject({
      label: 'shared',
      revision: 1,
      contentHash: report.contentHash,
    });
  });

  it('queue a diff without running it while no worker runs, and the 202 says so', async () => {
    await createEditedPair(clients.pool, 'spread');
    const first = await getDiff(b.baseUrl, 'spread@draft');
    expect(first.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    const later = await getDiff(b.baseUrl, 'spread@draft');
    expect(later.status).toBe(202);
    const job = ZDiffJobState.parse(later.body);
    expect(job).toMatchObject({ state: 'queued', attempts: 0 });
    expect(job.hint).toContain('no diff worker is running');
    expect(job.hint).toContain('SERVER_ROLE=worker');
  });

  it('has the worker serve only its probes and metrics on its port', async () => {
    worker = await startApiProcess({
      databaseUrl: database.url,
      workDir,
      env: { ...ENV, SERVER_ROLE: 'worker' },
    });
    expect((await fetch(`${worker.baseUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${worker.baseUrl}/readyz`)).json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${worker.baseUrl}/metrics`)).status).toBe(200);
    expect(
      (await fetch(`${worker.baseUrl}${API.inputSet('shared@draft')}`, { headers: headersOf.viewer })).status,
    ).toBe(404);
    expect((await fetch(`${worker.baseUrl}/ui/plans/input_sets`)).status).toBe(404);
  }, 120_000);

  it('compute the diff asked on B in the worker, and A answers it from the shared cache', async () => {
    const deadline = Date.now() + 45_000;
    let onB = await getDiff(b.baseUrl, 'spread@draft');
    while (onB.status !== 200) {
      if (onB.body.state === 'failed' || Date.now() > deadline)
        throw new Error(`diff on B: ${JSON.stringify(onB.body)}`);
      await new Promise((r) => setTimeout(r, 250));
      onB = await getDiff(b.baseUrl, 'spread@draft');
    }
    const hitsOnA = await metric(a.baseUrl, CACHE_HITS);
    const onA = await getDiff(a.baseUrl, 'spread@draft');
    expect(onA.status).toBe(200);
    expect(ZDiffResult.parse(onA.body)).toEqual(ZDiffResult.parse(onB.body));
    expect(onA.body).toMatchObject({ cacheFile: 'tmp/input_set_diffs/spread@draft__spread.json' });
    expect(await metric(a.baseUrl, CACHE_HITS)).toBe(hitsOnA + 1);
  }, 60_000);

  it('give one winner to 50 approvals split across A and B: one 200, 49 answers 409', async () => {
    await importDraft(clients.pool, 'stampede');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).baseUrl}${API.review('stampede@draft')}`, {
          method: 'POST',
          headers: { ...headersOf.reviewer, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'approve', reviewer: `E${i}`, comment: `approve #${i}` }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    const { rows } = await clients.pool.query(
      "SELECT count(*)::int AS n FROM planning_input_set_events WHERE label = 'stampede' AND action = 'approve'",
    );
    expect(rows[0].n).toBe(1);
  }, 60_000);

  it('count in each process what that process did, on its own /metrics', async () => {
    // The upload went to A; the diff ran in the worker; the one approval that won went to A or B.
    expect(await metric(a.baseUrl, IMPORTS_STORED)).toBe(1);
    expect(await metric(b.baseUrl, IMPORTS_STORED)).toBe(0);
    expect(await metric(worker!.baseUrl, IMPORTS_STORED)).toBe(0);
    expect(await metric(worker!.baseUrl, DIFF_SUCCESS)).toBe(1);
    expect(await metric(a.baseUrl, DIFF_SUCCESS)).toBe(0);
    expect(await metric(b.baseUrl, DIFF_SUCCESS)).toBe(0);
    expect((await metric(a.baseUrl, APPROVALS)) + (await metric(b.baseUrl, APPROVALS))).toBe(1);
    expect(await metric(worker!.baseUrl, APPROVALS)).toBe(0);
  });
});
