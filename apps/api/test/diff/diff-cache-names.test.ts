import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZDiffResponse, ZDiffResult } from '@planning-hub/contracts/api/diff';
import { DRAFT_EDITS, importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';
import { diffServerForFile } from '../support/diff-server';
import type { TTestServer, TTokenCaller } from '../support/test-server';

/**
 * Labels may hold `__`, the runbook's separator in diff cache names: `a__b` against `c`
 * and `a` against `b__c` must not share a cache file (each would delete the other's
 * result as stale, and neither would ever finish).
 */

let server: TTestServer;
let viewer: TTokenCaller;

diffServerForFile({ env: { DIFF_POLL_INTERVAL_SECONDS: '0.5' } }, async (started) => {
  [server, viewer] = started;
  const { pool } = server.runtime.db;
  for (const [label, overrides] of [
    ['a__b', {}],
    ['c', DRAFT_EDITS],
    ['a', DRAFT_EDITS],
    ['b__c', {}],
  ] as const) {
    await importRevision(pool, label, overrides);
    await markDraftReady(pool, label);
  }
});

async function getDiff(ref: string, against: string) {
  const res = await server.fetch(`/api/plans/input_sets/${ref}/diff?against=${against}`, {
    headers: viewer.headers,
  });
  return { status: res.status, body: ZDiffResponse.parse(await res.json()) };
}

describe('diff cache names of labels holding __', () => {
  it('computes a__b against c and a against b__c, asked in turns, each into its own cache file', async () => {
    const deadline = Date.now() + 45_000;
    const done = new Map<string, ReturnType<typeof ZDiffResult.parse>>();
    // Asked in turns, as two people polling their Diff tabs would.
    for (;;) {
      for (const [ref, against] of [
        ['a__b', 'c'],
        ['a', 'b__c'],
      ] as const) {
        const answer = await getDiff(ref, against);
        if (answer.status === 200) done.set(ref, ZDiffResult.parse(answer.body));
      }
      if (done.size === 2) break;
      if (Date.now() > deadline) throw new Error(`only ${[...done.keys()].join(', ') || 'none'} finished`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const first = done.get('a__b')!;
    const second = done.get('a')!;
    expect(first).toMatchObject({ ref: 'a__b', against: 'c' });
    expect(second).toMatchObject({ ref: 'a', against: 'b__c' });
    expect(first.cacheFile).not.toBe(second.cacheFile);
    for (const result of [first, second])
      expect(existsSync(path.join(server.workDir, result.cacheFile))).toBe(true);
    // Both stay answered from their own files.
    expect((await getDiff('a__b', 'c')).status).toBe(200);
    expect((await getDiff('a', 'b__c')).status).toBe(200);
  });

  it('keeps the runbook name <ref>__<against>.json for labels without __', async () => {
    // c and a hold the same content: answered at once, without a job.
    const answer = await getDiff('c', 'a');
    expect(answer.status).toBe(200);
    const result = ZDiffResult.parse(answer.body);
    expect(result.cacheFile).toBe('tmp/input_set_diffs/c__a.json');
    expect(existsSync(path.join(server.workDir, result.cacheFile))).toBe(true);
  });
});
