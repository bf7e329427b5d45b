import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZDiffJobState, ZDiffResponse } from '@planning-hub/contracts/api/diff';
import { API } from '@planning-hub/contracts/api/routes';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';
import { diffCachePaths } from '@planning-hub/server/services/diff/diff-cache';
import { createEditedPair } from '@planning-hub/test-support/diff-fixtures';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiInstance, startApiProcess, type TApiInstance } from '../support/api-instances';

/**
 * Faults around the diff job (runbook: input_set_diff_jobs_total, input_set_diff_job_failed):
 * the API killed while a diff runs, the job's database connection cut, and a cache
 * folder it cannot write. Mid-job is made deterministic by holding a lock on
 * planning_input_calendar, which the diff reads after the other tables.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
let workDir: string;
let headers: Record<string, string>;
let api: TApiInstance | undefined;

const ENV = { DIFF_POLL_INTERVAL_SECONDS: '0.5', DIFF_RETRY_DELAY_SECONDS: '1', DIFF_RETRY_LIMIT: '1' };

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 2);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-diff-faults-'));
  const username = `viewer-${randomBytes(3).toString('hex')}`;
  await createUser({
    prisma: clients.prisma,
    username,
    role: 'viewer',
    employeeId: null,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  headers = {
    authorization: `Bearer ${(await createApiToken({ prisma: clients.prisma, username, name: 'test' })).token}`,
  };
});
afterAll(async () => {
  await api?.stop();
  await clients?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

async function getDiff(baseUrl: string, ref: string, query = '') {
  const res = await fetch(`${baseUrl}${API.diff(ref)}${query}`, { headers });
  return { status: res.status, body: ZDiffResponse.parse(await res.json()) };
}

async function waitForDiff(baseUrl: string, ref: string, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await getDiff(baseUrl, ref);
    if (answer.status === 200 || answer.body.state === 'failed') return answer;
    if (Date.now() > deadline)
      throw new Error(`diff of ${ref} still ${answer.body.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Holds planning_input_calendar until `release`: a diff reaching it waits there. */
async function holdCalendar(): Promise<{ release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE planning_input_calendar IN ACCESS EXCLUSIVE MODE');
  return {
    release: async () => {
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

/** The backend of a diff waiting for the calendar lock, once there is one. */
async function waitingDiffBackend(): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const { rows } = await clients.pool.query<{ pid: number }>(
      // pg_stat_activity keeps the first 1 kB of a query: the diff's COPY, not the table it names.
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'COPY (%'",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no diff is waiting for planning_input_calendar');
}

async function metric(baseUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`no sample ${sample}`);
  return Number(line.slice(sample.length + 1));
}
const SUCCESS = 'input_set_diff_jobs_total{result="success"}';
const FAILURE = 'input_set_diff_jobs_total{result="failure"}';

describe('the diff job under faults', () => {
  it('resumes a diff whose API process was killed mid-job, once another API process runs on the same database', async () => {
    await createEditedPair(clients.pool, 'restarted');
    const first = await startApiProcess({ databaseUrl: database.url, workDir, env: ENV });
    const calendar = await holdCalendar();
    try {
      expect((await getDiff(first.baseUrl, 'restarted@draft')).status).toBe(202);
      await waitingDiffBackend();
      expect((await getDiff(first.baseUrl, 'restarted@draft')).body).toMatchObject({ state: 'running' });
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
    } finally {
      await calendar.release();
    }
    api = await startApiInstance({ databaseUrl: database.url, workDir, env: ENV });
    const answer = await waitForDiff(api.baseUrl, 'restarted@draft');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ state: 'done', ref: 'restarted@draft', against: 'restarted' });
  }, 120_000);

  it('retries a diff whose database connection was cut mid-job, and it succeeds (the cut attempt counted as a failure)', async () => {
    const instance = api!;
    await createEditedPair(clients.pool, 'cut');
    const [successBefore, failureBefore] = [
      await metric(instance.baseUrl, SUCCESS),
      await metric(instance.baseUrl, FAILURE),
    ];
    const calendar = await holdCalendar();
    try {
      expect((await getDiff(instance.baseUrl, 'cut@draft')).status).toBe(202);
      const pid = await waitingDiffBackend();
      await clients.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await calendar.release();
    }
    const answer = await waitForDiff(instance.baseUrl, 'cut@draft');
    expect(answer.status).toBe(200);
    expect(await metric(instance.baseUrl, SUCCESS)).toBe(successBefore + 1);
    // Every failed attempt counts, the retried ones too, so that the alert sees a diff that keeps failing early.
    expect(await metric(instance.baseUrl, FAILURE)).toBe(failureBefore + 1);
    const retried = instance.logLines.filter(
      (l) => l.msg === 'input_set_diff_job_retrying' && l.label === 'cut@draft',
    );
    expect(retried).toHaveLength(1);
    expect(String(retried[0]!.error)).toMatch(/terminat/i);
    expect((await getDiff(instance.baseUrl, 'cut@draft')).status).toBe(200);
  }, 90_000);

  it('fails with a clear error and counts input_set_diff_jobs_total{result="failure"} per attempt when the cache cannot be written; leaves nothing half-written, only the failure record', async () => {
    const instance = api!;
    await createEditedPair(clients.pool, 'unwritable');
    // A file where the pair's row folder goes: no folder can be made there (also for root, unlike chmod).
    const paths = diffCachePaths(
      path.join(workDir, 'tmp', 'input_set_diffs'),
      'unwritable@draft',
      'unwritable',
    );
    await mkdir(paths.cacheDir, { recursive: true });
    await writeFile(paths.rowsRoot, 'in the way');
    const failureBefore = await metric(instance.baseUrl, FAILURE);
    expect((await getDiff(instance.baseUrl, 'unwritable@draft')).status).toBe(202);
    const failed = await waitForDiff(instance.baseUrl, 'unwritable@draft', 60_000);
    expect(failed.status).toBe(202);
    const job = ZDiffJobState.parse(failed.body);
    expect(job).toMatchObject({ state: 'failed', attempts: 2, maxAttempts: 2 });
    expect(job.error).toContain('ENOTDIR');
    // Viewers see the path as the runbook names it, relative to the work folder; the log has it in full.
    expect(job.error).toContain(path.relative(workDir, paths.rowsRoot));
    expect(job.error).not.toContain(workDir);
    expect(job.hint).toContain('input_set_diff_job_failed');
    expect(await metric(instance.baseUrl, FAILURE)).toBe(failureBefore + 2);
    expect(
      instance.logLines.filter(
        (l) => l.msg === 'input_set_diff_job_failed' && l.label === 'unwritable@draft',
      ),
    ).toEqual([
      expect.objectContaining({
        against: 'unwritable',
        level: 50,
        error: expect.stringContaining(paths.rowsRoot),
      }),
    ]);
    // In the cache file's place, the failure record: `rm` it and reload to run the diff again (runbook 6).
    const record = JSON.parse(await readFile(paths.manifestFile, 'utf8'));
    expect(record).toMatchObject({
      format: 'planning-hub/input-set-diff-failure@1',
      state: 'failed',
      jobId: job.jobId,
    });
    expect(record.error).toContain('ENOTDIR');
    expect(record.error).not.toContain(workDir);

    // Fixed on disk, retry=true computes it.
    await rm(paths.rowsRoot);
    expect((await getDiff(instance.baseUrl, 'unwritable@draft', '?retry=true')).status).toBe(202);
    expect((await waitForDiff(instance.baseUrl, 'unwritable@draft')).status).toBe(200);
    expect((await readdir(paths.rowsRoot)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  }, 120_000);
});
