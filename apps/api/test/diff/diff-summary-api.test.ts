import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZDiffJobState } from '@planning-hub/contracts/api/diff';
import { ZDiffSummaryResponse, type TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';
import { createMovedPair } from '@planning-hub/test-support/moved-fixtures';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/** "What moved" (issue 17): GET .../diff/summary, totals and movers from the diff job's cache. */
let server: TTestServer;
let viewer: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer({ diffWorker: true, env: { DIFF_POLL_INTERVAL_SECONDS: '0.5' } });
  viewer = await server.createUserWithToken('viewer');
  await createMovedPair(server.runtime.db.pool, 'moved');
});
afterAll(() => server?.close());

const summaryUrl = (ref: string, query: string) =>
  `/api/plans/input_sets/${encodeURIComponent(ref)}/diff/summary?${query}`;

async function getSummary(query: string, ref = 'moved@draft') {
  const res = await server.fetch(summaryUrl(ref, query), { headers: viewer.headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function summary(query: string, ref = 'moved@draft'): Promise<TDiffSummaryResponse> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const answer = await getSummary(query, ref);
    if (answer.status === 200) return ZDiffSummaryResponse.parse(answer.body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    if (Date.now() > deadline) throw new Error(`summary of ${ref} still computing`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function jobsDone(): Promise<number> {
  const text = await (await server.fetch('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith('input_set_diff_jobs_total{result="success"} '));
  return Number(line?.split(' ')[1] ?? 0);
}

const pick = (body: TDiffSummaryResponse, table: string, column: string) =>
  body.totals.find((t) => t.table === table && t.column === column)!;

describe('GET /api/plans/input_sets/{ref}/diff/summary', () => {
  it('answers 202 with the job while the diff runs, then the totals of every quantity column', async () => {
    const first = await getSummary('by=item_code');
    expect(first.status).toBe(202);
    expect(ZDiffJobState.parse(first.body)).toMatchObject({
      ref: 'moved@draft',
      against: 'moved',
      refRevision: 2,
      againstRevision: 1,
    });

    const body = await summary('by=item_code');
    expect(body).toMatchObject({
      ref: 'moved@draft',
      against: 'moved',
      identical: false,
      tolerance: {},
      table: 'demand',
      column: 'quantity',
    });
    expect(body.totals.map((t) => `${t.table}.${t.column}`)).toEqual([
      'demand.quantity',
      'capacity.available_hours',
      'inventory.on_hand',
      'inventory.safety_stock',
      'inbound.quantity',
    ]);
    expect(pick(body, 'demand', 'quantity')).toEqual({
      table: 'demand',
      column: 'quantity',
      before: '1520',
      after: '1951',
      delta: '431',
      percent: '28.3553',
      added: 0,
      removed: 2,
      changed: 4,
      hidden: 0,
      hiddenDelta: '0',
      tolerance: null,
    });
    expect(pick(body, 'capacity', 'available_hours')).toMatchObject({
      before: '310.5',
      after: '326.5',
      delta: '16',
      changed: 1,
    });
    expect(pick(body, 'inventory', 'on_hand')).toMatchObject({
      before: '110',
      after: '125',
      delta: '15',
      percent: '13.6364',
      changed: 1,
    });
    expect(pick(body, 'inventory', 'safety_stock')).toMatchObject({
      before: '7',
      after: '10',
      delta: '3',
      changed: 1,
    });
    expect(pick(body, 'inbound', 'quantity')).toMatchObject({
      before: '10',
      after: '10',
      delta: '0',
      percent: '0',
      changed: 0,
    });
  });

  it('lists the top movers by item: tripled demand first, the dropped location next, the 0.1% last', async () => {
    const body = await summary('by=item_code');
    expect(body).toMatchObject({ by: 'item_code', sort: 'abs_delta', total: 3, offset: 0 });
    expect(body.groups).toEqual([
      {
        key: 'ITEM-A',
        before: '250',
        after: '750',
        delta: '500',
        percent: '200',
        added: 0,
        removed: 0,
        changed: 3,
        hidden: 0,
      },
      {
        key: 'ITEM-C',
        before: '70',
        after: '0',
        delta: '-70',
        percent: '-100',
        added: 0,
        removed: 2,
        changed: 0,
        hidden: 0,
      },
      {
        key: 'ITEM-B',
        before: '1200',
        after: '1201',
        delta: '1',
        percent: '0.0833',
        added: 0,
        removed: 0,
        changed: 1,
        hidden: 0,
      },
    ]);
  });

  it('totals by location and by period, in key order when asked, and pages them', async () => {
    const byLocation = await summary('by=location_code');
    expect(byLocation.groups.map((g) => [g.key, g.before, g.after, g.delta])).toEqual([
      ['TOKYO', '1200', '1601', '401'],
      ['OSAKA', '250', '350', '100'],
      ['NAGOYA', '70', '0', '-70'],
    ]);
    const byPeriod = await summary('by=period&sort=key');
    expect(byPeriod.groups.map((g) => [g.key, g.before, g.after])).toEqual([
      ['2027-01', '1380', '1651'],
      ['2027-02', '140', '300'],
    ]);
    const second = await summary('by=location_code&offset=1&limit=1');
    expect(second).toMatchObject({ total: 3, offset: 1 });
    expect(second.groups.map((g) => g.key)).toEqual(['OSAKA']);
    const capacity = await summary('table=capacity&by=resource_code');
    expect(capacity.groups).toEqual([
      {
        key: 'R1',
        before: '310.5',
        after: '326.5',
        delta: '16',
        percent: '5.153',
        added: 0,
        removed: 0,
        changed: 1,
        hidden: 0,
      },
    ]);
    const safety = await summary('table=inventory&column=safety_stock&by=item_code');
    expect(safety.groups.map((g) => [g.key, g.delta])).toEqual([
      ['ITEM-B', '3'],
      ['ITEM-A', '0'],
    ]);
  });

  it('shows changes below a relative tolerance as unchanged, with their count, without computing the diff again', async () => {
    const jobsBefore = await jobsDone();
    const body = await summary('by=item_code&tolerance=demand.quantity:0.5%25');
    expect(body.tolerance).toEqual({ demand: { quantity: { relative: 0.5 } } });
    expect(pick(body, 'demand', 'quantity')).toEqual({
      table: 'demand',
      column: 'quantity',
      before: '1520',
      after: '1950',
      delta: '430',
      percent: '28.2895',
      added: 0,
      removed: 2,
      changed: 3,
      hidden: 1,
      hiddenDelta: '1',
      tolerance: { relative: 0.5 },
    });
    expect(body.groups.map((g) => [g.key, g.delta, g.changed, g.hidden])).toEqual([
      ['ITEM-A', '500', 3, 0],
      ['ITEM-C', '-70', 0, 0],
      ['ITEM-B', '0', 0, 1],
    ]);
    const byLocation = await summary('by=location_code&tolerance=demand.quantity:0.5%25');
    expect(byLocation.groups[0]).toMatchObject({ key: 'TOKYO', after: '1600', delta: '400', hidden: 1 });
    expect(await jobsDone()).toBe(jobsBefore);
  });

  it('hides only changes strictly below the tolerance: 0.1% is shown under 0.1%, hidden under 0.1001%', async () => {
    expect(
      pick(await summary('by=item_code&tolerance=demand.quantity:0.1%25'), 'demand', 'quantity').hidden,
    ).toBe(0);
    expect(
      pick(await summary('by=item_code&tolerance=demand.quantity:0.1001%25'), 'demand', 'quantity').hidden,
    ).toBe(1);
  });

  it('applies absolute tolerances per column, several at once', async () => {
    const body = await summary(
      'by=item_code&table=inventory&tolerance=inventory.on_hand:20&tolerance=inventory.safety_stock:3',
    );
    expect(pick(body, 'inventory', 'on_hand')).toMatchObject({
      after: '110',
      delta: '0',
      changed: 0,
      hidden: 1,
      hiddenDelta: '15',
    });
    // 3 is not below 3.
    expect(pick(body, 'inventory', 'safety_stock')).toMatchObject({ delta: '3', changed: 1, hidden: 0 });
    expect(pick(body, 'demand', 'quantity')).toMatchObject({ hidden: 0, tolerance: null });
    expect(body.groups.map((g) => [g.key, g.delta, g.hidden])).toEqual([
      ['ITEM-A', '0', 1],
      ['ITEM-B', '0', 0],
    ]);
  });

  it('refuses bad tolerances, dimensions and columns with 400, naming what is wrong', async () => {
    for (const query of [
      'by=item_code&tolerance=demand.uom:1',
      'by=item_code&tolerance=demand.quantity:-1',
      'by=item_code&tolerance=demand.quantity:5000%25',
      'by=item_code&tolerance=nonsense',
      'by=resource_code',
      'table=capacity&by=item_code',
      'by=item_code&column=uom',
      'by=item_code&limit=1001',
      'table=mix&by=item_code',
    ]) {
      const answer = await getSummary(query);
      expect(answer.status, query).toBe(400);
    }
    const problem = ZProblemDetails.parse((await getSummary('by=item_code&tolerance=demand.uom:1')).body);
    expect(JSON.stringify(problem)).toContain('demand.uom');
  });

  it('recomputes the summary with the diff when the cache file is deleted', async () => {
    await rm(path.join(server.workDir, 'tmp', 'input_set_diffs', 'moved@draft__moved.json'));
    expect((await getSummary('by=item_code')).status).toBe(202);
    expect(pick(await summary('by=item_code'), 'demand', 'quantity').delta).toBe('431');
  });

  it('gives an all-zero summary for identical revisions (same content hash)', async () => {
    await importRevision(server.runtime.db.pool, 'moved_twins');
    await markDraftReady(server.runtime.db.pool, 'moved_twins');
    await importRevision(server.runtime.db.pool, 'moved_twins', {}, 'same-files');
    const body = await summary('by=item_code', 'moved_twins@draft');
    expect(body.identical).toBe(true);
    expect(
      body.totals.every((t) => t.delta === '0' && t.changed === 0 && t.added === 0 && t.removed === 0),
    ).toBe(true);
    expect(body.groups).toEqual([]);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await server.fetch(summaryUrl('moved@draft', 'by=item_code'))).status).toBe(401);
  });
});
