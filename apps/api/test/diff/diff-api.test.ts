import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import {
  ZDiffJobState,
  ZDiffResponse,
  ZDiffResult,
  ZDiffRowsResponse,
  type TDiffResult,
} from '@planning-hub/contracts/api/diff';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import {
  DRAFT_EDITS,
  createEditedPair,
  importRevision,
  markDraftReady,
} from '@planning-hub/test-support/diff-fixtures';
import { diffServerForFile } from '../support/diff-server';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let viewer: TTokenCaller;
/** Every line the diff worker logged, parsed (pino JSON lines). */
const logLines: { msg: string; [field: string]: unknown }[] = [];
// apps/api reaches pino through pino-http; its logger is a plain pino logger on our stream.
const { logger } = pinoHttp(
  { level: 'info' },
  { write: (line: string) => void logLines.push(JSON.parse(line)) },
);

diffServerForFile(
  { env: { DIFF_RETRY_DELAY_SECONDS: '1', DIFF_POLL_INTERVAL_SECONDS: '0.5' }, logger },
  async (started) => {
    [server, viewer] = started;
    await createEditedPair(server.runtime.db.pool, 'weekly_refresh');
  },
);

const diffUrl = (ref: string, query = '') => `/api/plans/input_sets/${encodeURIComponent(ref)}/diff${query}`;
const cacheFile = (name: string) => path.join(server.workDir, 'tmp', 'input_set_diffs', `${name}.json`);

async function getDiff(ref: string, query = '') {
  const res = await server.fetch(diffUrl(ref, query), { headers: viewer.headers });
  return { status: res.status, body: ZDiffResponse.parse(await res.json()) };
}

/** Polls like the Diff tab does until the job is done (200) or failed. */
async function waitForDiff(ref: string, query = '', timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await getDiff(ref, query);
    if (answer.status === 200 || answer.body.state === 'failed') return answer;
    if (Date.now() > deadline) throw new Error(`diff of ${ref} still ${answer.body.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function metric(name: string, labels = ''): Promise<number> {
  const text = await (await server.fetch('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  if (!line) throw new Error(`metric ${name}${labels} not found`);
  return Number(line.split(' ')[1]);
}
const jobsTotal = (result: 'success' | 'failure') =>
  metric('input_set_diff_jobs_total', `{result="${result}"}`);

describe('GET /api/plans/input_sets/{ref}/diff', () => {
  let result: TDiffResult;

  it('answers 202 with the queued job on the first request, then 200 with per-table counts', async () => {
    const successBefore = await jobsTotal('success');
    const first = await getDiff('weekly_refresh@draft');
    expect(first.status).toBe(202);
    const job = ZDiffJobState.parse(first.body);
    expect(['queued', 'running']).toContain(job.state);
    expect(job).toMatchObject({
      ref: 'weekly_refresh@draft',
      against: 'weekly_refresh',
      maxAttempts: 4,
      error: null,
    });
    // A diff worker runs (this test's): the hint does not send anyone looking for one.
    expect(job.hint).not.toContain('no diff worker');

    const done = await waitForDiff('weekly_refresh@draft');
    expect(done.status).toBe(200);
    result = ZDiffResult.parse(done.body);
    expect(result).toMatchObject({
      ref: 'weekly_refresh@draft',
      against: 'weekly_refresh',
      refRevision: 2,
      againstRevision: 1,
    });
    expect(result.totals).toEqual({ added: 2, removed: 1, changed: 6, unchanged: 10 });
    expect(result.summary.find((s) => s.table === 'demand')).toMatchObject({
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
    });
    expect(await jobsTotal('success')).toBe(successBefore + 1);
  });

  it('names its cache file as the runbook does, relative to the work folder', () => {
    expect(result.cacheFile).toBe('tmp/input_set_diffs/weekly_refresh@draft__weekly_refresh.json');
    expect(existsSync(path.join(server.workDir, result.cacheFile))).toBe(true);
  });

  it('downloads the whole diff, rows included, as one JSON document (GET .../diff/export)', async () => {
    const res = await server.fetch(`${diffUrl('weekly_refresh@draft')}/export`, { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await res.json()) as TDiffResult & { rows: Record<string, Record<string, unknown[]>> };
    expect(ZDiffResult.parse(document)).toEqual(result);
    expect(document.rows.demand!.removed).toEqual([
      {
        key: { item_code: '0123', location_code: 'OSAKA', period: '2027-02' },
        values: { quantity: '20', uom: null },
      },
    ]);
    const listed = Object.values(document.rows)
      .flatMap((kinds) => Object.values(kinds))
      .reduce((n, rows) => n + rows.length, 0);
    expect(listed).toBe(result.totals.added + result.totals.removed + result.totals.changed);
  });

  it('writes tmp/input_set_diffs/<label>__<against>.json with both content hashes', async () => {
    const file = JSON.parse(await readFile(cacheFile('weekly_refresh@draft__weekly_refresh'), 'utf8'));
    expect(file).toMatchObject({
      ref: 'weekly_refresh@draft',
      against: 'weekly_refresh',
      refHash: result.refHash,
      againstHash: result.againstHash,
    });
    expect(file.summary).toEqual(result.summary);
  });

  it('answers later requests from the cache and counts the hits', async () => {
    const hitsBefore = await metric('input_set_diff_cache_hits_total');
    const again = await getDiff('weekly_refresh@draft');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(result);
    expect(await metric('input_set_diff_cache_hits_total')).toBe(hitsBefore + 1);
  });

  it('counts a cache hit once per summary (GET .../diff), not per rows page or export read from the same cache', async () => {
    const hitsBefore = await metric('input_set_diff_cache_hits_total');
    for (const query of [
      'table=demand&kind=changed',
      'table=demand&kind=added',
      'table=demand&kind=removed',
    ]) {
      expect(
        (await server.fetch(`${diffUrl('weekly_refresh@draft')}/rows?${query}`, { headers: viewer.headers }))
          .status,
      ).toBe(200);
    }
    const exported = await server.fetch(`${diffUrl('weekly_refresh@draft')}/export`, {
      headers: viewer.headers,
    });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    expect(await metric('input_set_diff_cache_hits_total')).toBe(hitsBefore);
    expect((await getDiff('weekly_refresh@draft')).status).toBe(200);
    expect(await metric('input_set_diff_cache_hits_total')).toBe(hitsBefore + 1);
  });

  it('pages added, removed and changed rows of a table, with deltas and Japanese codes', async () => {
    const page = async (query: string) => {
      const res = await server.fetch(`${diffUrl('weekly_refresh@draft')}/rows?${query}`, {
        headers: viewer.headers,
      });
      expect(res.status).toBe(200);
      return ZDiffRowsResponse.parse(await res.json());
    };
    const changed = await page('table=demand&kind=changed');
    expect(changed).toMatchObject({ table: 'demand', kind: 'changed', total: 1, offset: 0 });
    expect(changed.rows).toEqual([
      {
        key: { item_code: '部品-001', location_code: '東京', period: '2027-02' },
        changes: [
          { column: 'quantity', old: '80', new: '100', delta: '20', percent: '25' },
          { column: 'uom', old: 'pcs', new: '個' },
        ],
      },
    ]);
    expect((await page('table=demand&kind=removed')).rows).toEqual([
      {
        key: { item_code: '0123', location_code: 'OSAKA', period: '2027-02' },
        values: { quantity: '20', uom: null },
      },
    ]);
    expect((await page('table=mix&kind=added')).total).toBe(0);
    expect((await page('table=demand&kind=added&offset=1')).rows).toEqual([]);
  });

  it('bounds the page size and names bad tables and kinds', async () => {
    for (const query of [
      'table=demand&kind=changed&limit=1001',
      'table=nope&kind=changed',
      'table=demand&kind=moved',
      'kind=added',
    ]) {
      const res = await server.fetch(`${diffUrl('weekly_refresh@draft')}/rows?${query}`, {
        headers: viewer.headers,
      });
      expect(res.status, query).toBe(400);
    }
  });

  it('enqueues one job for concurrent first requests of a pair', async () => {
    await createEditedPair(server.runtime.db.pool, 'concurrent');
    const answers = await Promise.all(Array.from({ length: 6 }, () => getDiff('concurrent@draft')));
    // On a busy machine the worker may finish before the last request is read: that one is a 200 from the cache.
    const waiting = answers.filter((a) => a.status === 202);
    expect(waiting.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 202 || a.status === 200)).toBe(true);
    const ids = new Set(waiting.map((a) => ZDiffJobState.parse(a.body).jobId));
    expect(ids.size).toBe(1);
    const { rows } = await server.runtime.db.pool.query(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'input-set-diff' AND singleton_key = 'concurrent@draft__concurrent'",
    );
    expect(rows[0].n).toBe(1);
    expect((await waitForDiff('concurrent@draft')).status).toBe(200);
  });

  it('recomputes a stale cache after a new upload to the draft, counting it once', async () => {
    const staleBefore = await metric('input_set_diff_cache_stale_total');
    const newHash = await importRevision(
      server.runtime.db.pool,
      'weekly_refresh',
      {
        ...DRAFT_EDITS,
        'inbound.csv': 'item_code,location_code,period,reference,quantity\n0123,OSAKA,2027-01,PO-1,12\n',
      },
      '2027-01-C',
    );
    const first = await getDiff('weekly_refresh@draft');
    expect(first.status).toBe(202);
    const done = await waitForDiff('weekly_refresh@draft');
    expect(await metric('input_set_diff_cache_stale_total')).toBe(staleBefore + 1);
    const fresh = ZDiffResult.parse(done.body);
    expect(fresh.refHash).toBe(newHash);
    expect(fresh.summary.find((s) => s.table === 'inbound')).toMatchObject({ changed: 1, unchanged: 0 });
    expect(fresh.totals).toEqual({ added: 2, removed: 1, changed: 7, unchanged: 9 });
  });

  it('recomputes when the cache file is deleted (runbook: rm tmp/input_set_diffs/<label>__<against>.json, reload)', async () => {
    await createEditedPair(server.runtime.db.pool, 'deleted_cache');
    const computed = ZDiffResult.parse((await waitForDiff('deleted_cache@draft')).body);
    const staleBefore = await metric('input_set_diff_cache_stale_total');
    await rm(cacheFile('deleted_cache@draft__deleted_cache'));
    const after = await getDiff('deleted_cache@draft');
    expect(after.status).toBe(202);
    const again = ZDiffResult.parse((await waitForDiff('deleted_cache@draft')).body);
    expect(again.totals).toEqual(computed.totals);
    expect(again.computedAt > computed.computedAt).toBe(true);
    expect(existsSync(cacheFile('deleted_cache@draft__deleted_cache'))).toBe(true);
    expect(await metric('input_set_diff_cache_stale_total')).toBe(staleBefore);
  });

  it('compares with any revision named in against, cached under that name', async () => {
    const done = await waitForDiff('weekly_refresh@draft', '?against=weekly_refresh%40r1');
    expect(done.status).toBe(200);
    expect(ZDiffResult.parse(done.body)).toMatchObject({ against: 'weekly_refresh@r1', againstRevision: 1 });
    expect(existsSync(cacheFile('weekly_refresh@draft__weekly_refresh@r1'))).toBe(true);
  });

  it('answers equal content at once (200) without a job, counted as a success, then as cache hits', async () => {
    const successBefore = await jobsTotal('success');
    const hitsBefore = await metric('input_set_diff_cache_hits_total');
    await importRevision(server.runtime.db.pool, 'twins');
    await markDraftReady(server.runtime.db.pool, 'twins');
    await importRevision(server.runtime.db.pool, 'twins', {}, 'same-files');
    const answer = await getDiff('twins@draft');
    expect(answer.status).toBe(200);
    expect(ZDiffResult.parse(answer.body).identical).toBe(true);
    expect(await jobsTotal('success')).toBe(successBefore + 1);
    expect(await metric('input_set_diff_cache_hits_total')).toBe(hitsBefore);
    expect((await getDiff('twins@draft')).status).toBe(200);
    expect(await jobsTotal('success')).toBe(successBefore + 1);
    expect(await metric('input_set_diff_cache_hits_total')).toBe(hitsBefore + 1);
  });

  it('explains when there is nothing to compare with by default (409) and unknown references (404)', async () => {
    await importRevision(server.runtime.db.pool, 'only_draft');
    const first = await server.fetch(diffUrl('only_draft@draft'), { headers: viewer.headers });
    expect(first.status).toBe(409);
    const problem = ZProblemDetails.parse(await first.json());
    expect(problem.messageCode).toBe('error.diff.nothing_to_compare');
    expect(problem.detail).toBe("Input set 'only_draft@draft' has no earlier revision to compare with.");
    expect(problem.hint).toContain('against=');

    // The first ready revision: its draft comes after it, and nothing before.
    const itself = await server.fetch(diffUrl('weekly_refresh'), { headers: viewer.headers });
    expect(itself.status).toBe(409);

    const unknown = await server.fetch(diffUrl('weekly_refresh@draft', '?against=nothing_here'), {
      headers: viewer.headers,
    });
    expect(unknown.status).toBe(404);
    expect(ZProblemDetails.parse(await unknown.json()).detail).toBe("Input set 'nothing_here' not found.");

    const bad = await server.fetch(diffUrl('weekly_refresh@draft', '?against=..%2Fetc'), {
      headers: viewer.headers,
    });
    expect(bad.status).toBe(400);
  });

  it('compares a ready revision with the one before it when no against is given, and says so', async () => {
    await createEditedPair(server.runtime.db.pool, 'superseded');
    await markDraftReady(server.runtime.db.pool, 'superseded');
    const answer = await waitForDiff('superseded');
    expect(answer.status).toBe(200);
    expect(ZDiffResult.parse(answer.body)).toMatchObject({
      ref: 'superseded',
      against: 'superseded@r1',
      refRevision: 2,
      againstRevision: 1,
      cacheFile: 'tmp/input_set_diffs/superseded__superseded@r1.json',
    });
    // The same pair as naming it: the same cache file answers.
    expect((await getDiff('superseded', '?against=superseded%40r1')).status).toBe(200);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await server.fetch(diffUrl('weekly_refresh@draft'))).status).toBe(401);
  });

  it('counts every failed attempt, logs input_set_diff_job_failed once the retries are spent and records the failure in the cache file', async () => {
    await createEditedPair(server.runtime.db.pool, 'doomed');
    await createEditedPair(server.runtime.db.pool, 'doomed_retry');
    const failureBefore = await jobsTotal('failure');
    expect(failureBefore).toBe(0);
    // Every attempt fails: the diff reads planning_input_calendar, which is gone for now.
    await server.runtime.db.pool.query(
      'ALTER TABLE planning_input_calendar RENAME TO planning_input_calendar_away',
    );
    let failed;
    try {
      expect((await getDiff('doomed@draft')).status).toBe(202);
      expect((await getDiff('doomed_retry@draft')).status).toBe(202);
      [failed] = await Promise.all([
        waitForDiff('doomed@draft', '', 55_000),
        waitForDiff('doomed_retry@draft', '', 55_000),
      ]);
    } finally {
      await server.runtime.db.pool.query(
        'ALTER TABLE planning_input_calendar_away RENAME TO planning_input_calendar',
      );
    }
    expect(failed.status).toBe(202);
    const job = ZDiffJobState.parse(failed.body);
    expect(job).toMatchObject({ state: 'failed', attempts: 4, maxAttempts: 4 });
    expect(job.error).toContain('planning_input_calendar');
    expect(job.hint).toContain(
      'delete tmp/input_set_diffs/doomed@draft__doomed.json and reload the Diff tab',
    );

    const linesOf = (msg: string) => logLines.filter((l) => l.msg === msg && l.label === 'doomed@draft');
    expect(linesOf('input_set_diff_job_failed')).toHaveLength(1);
    expect(linesOf('input_set_diff_job_failed')[0]).toMatchObject({ against: 'doomed', level: 50 });
    expect(String(linesOf('input_set_diff_job_failed')[0]!.error)).toContain('planning_input_calendar');
    expect(linesOf('input_set_diff_job_retrying')).toHaveLength(3);
    // 4 attempts of each of the two diffs, each counted as it fails: the alert does not wait for the last one.
    expect(await jobsTotal('failure')).toBe(8);

    const record = JSON.parse(await readFile(cacheFile('doomed@draft__doomed'), 'utf8'));
    expect(record).toMatchObject({
      format: 'planning-hub/input-set-diff-failure@1',
      state: 'failed',
      ref: 'doomed@draft',
      against: 'doomed',
      jobId: job.jobId,
      attempts: 4,
    });
    expect(record.error).toContain('planning_input_calendar');
    expect(record.error).not.toContain(server.workDir);
  }, 90_000);

  it('keeps a failed diff failed while it is polled', async () => {
    const first = ZDiffJobState.parse((await getDiff('doomed@draft')).body);
    for (let i = 0; i < 3; i++) {
      expect(ZDiffJobState.parse((await getDiff('doomed@draft')).body)).toMatchObject({
        state: 'failed',
        jobId: first.jobId,
      });
    }
    const rows = await server.fetch(`${diffUrl('doomed@draft')}/rows?table=demand&kind=added`, {
      headers: viewer.headers,
    });
    expect(ZDiffJobState.parse(await rows.json()).state).toBe('failed');
    expect(await jobsTotal('failure')).toBe(8);
  });

  it('runs a failed diff again once its cache file is deleted (runbook: rm tmp/input_set_diffs/<label>__<against>.json, reload)', async () => {
    await rm(cacheFile('doomed@draft__doomed'));
    const reloaded = await getDiff('doomed@draft');
    expect(reloaded.status).toBe(202);
    expect(ZDiffJobState.parse(reloaded.body)).toMatchObject({ error: null });
    expect(['queued', 'running']).toContain(reloaded.body.state);
    const recovered = await waitForDiff('doomed@draft');
    expect(recovered.status).toBe(200);
    expect(ZDiffResult.parse(recovered.body).totals).toEqual({
      added: 2,
      removed: 1,
      changed: 6,
      unchanged: 10,
    });
    const file = JSON.parse(await readFile(cacheFile('doomed@draft__doomed'), 'utf8'));
    expect(file).toMatchObject({ format: 'planning-hub/input-set-diff@2', ref: 'doomed@draft' });
    expect(await jobsTotal('failure')).toBe(8);
  }, 60_000);

  it("runs a failed diff again with retry=true (the Diff tab's Retry button), replacing its failure record", async () => {
    expect((await getDiff('doomed_retry@draft')).body.state).toBe('failed');
    expect((await getDiff('doomed_retry@draft', '?retry=true')).status).toBe(202);
    const recovered = await waitForDiff('doomed_retry@draft');
    expect(recovered.status).toBe(200);
    const file = JSON.parse(await readFile(cacheFile('doomed_retry@draft__doomed_retry'), 'utf8'));
    expect(file.format).toBe('planning-hub/input-set-diff@2');
    expect(await jobsTotal('failure')).toBe(8);
  }, 60_000);
});
