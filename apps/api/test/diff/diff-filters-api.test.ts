import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZDiffChangesResponse, ZDiffRowsResponse, type TDiffRow } from '@planning-hub/contracts/api/diff';
import { createMovedPair } from '@planning-hub/test-support/moved-fixtures';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/** A diff reviewers can work in (issue 21): the server filters, sorts and pages the rows. */
let server: TTestServer;
let viewer: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer({ diffWorker: true, env: { DIFF_POLL_INTERVAL_SECONDS: '0.5' } });
  viewer = await server.createUserWithToken('viewer');
  await createMovedPair(server.runtime.db.pool, 'review');
});
afterAll(() => server?.close());

const base = `/api/plans/input_sets/${encodeURIComponent('review@draft')}/diff`;

async function get(pathAndQuery: string): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const res = await server.fetch(`${base}${pathAndQuery}`, { headers: viewer.headers });
    const body = (await res.json()) as unknown;
    if (res.status !== 202) return { status: res.status, body };
    if (Date.now() > deadline) throw new Error('diff still computing');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function rows(query: string) {
  const answer = await get(`/rows?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return ZDiffRowsResponse.parse(answer.body);
}

async function changes(query = '') {
  const answer = await get(`/changes?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return ZDiffChangesResponse.parse(answer.body);
}

const keyOf = (row: TDiffRow) => Object.values(row.key).join('/');

describe('GET .../diff/rows with filters', () => {
  it('lists every changed row in key order without filters', async () => {
    const page = await rows('table=demand&kind=changed');
    expect(page.total).toBe(5);
    expect(page.rows.map(keyOf)).toEqual([
      'ITEM-A/OSAKA/2027-01',
      'ITEM-A/TOKYO/2027-01',
      'ITEM-A/TOKYO/2027-02',
      'ITEM-B/OSAKA/2027-01',
      'ITEM-B/TOKYO/2027-01',
    ]);
  });

  it('finds rows by a key value: a prefix in any case, or exactly, in any key column or the one named', async () => {
    expect((await rows('table=demand&kind=changed&key=ITEM-A')).total).toBe(3);
    expect((await rows('table=demand&kind=changed&key=item-a')).total).toBe(3);
    expect((await rows('table=demand&kind=changed&key=item-a&match=exact')).total).toBe(0);
    expect((await rows('table=demand&kind=changed&key=TOK')).rows.map(keyOf)).toEqual([
      'ITEM-A/TOKYO/2027-01',
      'ITEM-A/TOKYO/2027-02',
      'ITEM-B/TOKYO/2027-01',
    ]);
    expect(
      (await rows('table=demand&kind=changed&key=2027-02&match=exact&key_column=period')).rows.map(keyOf),
    ).toEqual(['ITEM-A/TOKYO/2027-02']);
    expect((await rows('table=demand&kind=changed&key=ITEM-A&key_column=location_code')).total).toBe(0);
    expect((await rows('table=demand&kind=removed&key=NAGOYA')).rows.map(keyOf)).toEqual([
      'ITEM-C/NAGOYA/2027-01',
      'ITEM-C/NAGOYA/2027-02',
    ]);
  });

  it('keeps the rows whose change touches a column', async () => {
    expect((await rows('table=demand&kind=changed&column=uom')).rows.map(keyOf)).toEqual([
      'ITEM-B/OSAKA/2027-01',
    ]);
    expect((await rows('table=demand&kind=changed&column=quantity')).total).toBe(4);
  });

  it('sorts by |Δ|, largest first (ties in key order), and keeps changes of at least a threshold', async () => {
    const sorted = await rows('table=demand&kind=changed&sort=abs_delta');
    expect(sorted.rows.map(keyOf)).toEqual([
      'ITEM-A/TOKYO/2027-01',
      'ITEM-A/TOKYO/2027-02',
      'ITEM-A/OSAKA/2027-01',
      'ITEM-B/TOKYO/2027-01',
      'ITEM-B/OSAKA/2027-01',
    ]);
    expect((await rows('table=demand&kind=changed&min_delta=100')).rows.map(keyOf)).toEqual([
      'ITEM-A/OSAKA/2027-01',
      'ITEM-A/TOKYO/2027-01',
      'ITEM-A/TOKYO/2027-02',
    ]);
    expect((await rows('table=demand&kind=changed&min_delta=100.0001')).total).toBe(2);
    const page = await rows('table=demand&kind=changed&sort=abs_delta&offset=2&limit=2');
    expect(page).toMatchObject({ total: 5, offset: 2 });
    expect(page.rows.map(keyOf)).toEqual(['ITEM-A/OSAKA/2027-01', 'ITEM-B/TOKYO/2027-01']);
    expect(page.rows[0]).toEqual({
      key: { item_code: 'ITEM-A', location_code: 'OSAKA', period: '2027-01' },
      changes: [{ column: 'quantity', old: '50', new: '150', delta: '100', percent: '200' }],
    });
  });

  it('refuses unknown columns and key columns, negative thresholds and oversized pages with 400', async () => {
    for (const query of [
      'table=demand&kind=changed&column=available_hours',
      'table=demand&kind=changed&key_column=resource_code',
      'table=demand&kind=changed&min_delta=-1',
      'table=demand&kind=changed&min_delta=1e3',
      'table=demand&kind=changed&sort=size',
      'table=demand&kind=changed&match=fuzzy',
      `table=demand&kind=changed&key=${'x'.repeat(101)}`,
      'table=demand&kind=changed&limit=1001',
    ]) {
      const res = await server.fetch(`${base}/rows?${query}`, { headers: viewer.headers });
      expect(res.status, query).toBe(400);
    }
  });
});

describe('GET .../diff/changes ("All changes")', () => {
  it('lists every table and kind in one list: tables in bundle order, changed before added and removed', async () => {
    const all = await changes();
    expect(all.total).toBe(10);
    expect(all.rows.map((r) => `${r.table}:${r.kind}:${keyOf(r)}`)).toEqual([
      'demand:changed:ITEM-A/OSAKA/2027-01',
      'demand:changed:ITEM-A/TOKYO/2027-01',
      'demand:changed:ITEM-A/TOKYO/2027-02',
      'demand:changed:ITEM-B/OSAKA/2027-01',
      'demand:changed:ITEM-B/TOKYO/2027-01',
      'demand:removed:ITEM-C/NAGOYA/2027-01',
      'demand:removed:ITEM-C/NAGOYA/2027-02',
      'capacity:changed:R1/2027-01',
      'inventory:changed:ITEM-A/TOKYO',
      'inventory:changed:ITEM-B/OSAKA',
    ]);
  });

  it('sorts all changes by |Δ| across tables, and filters them like the rows', async () => {
    const sorted = await changes('sort=abs_delta');
    expect(sorted.rows.map((r) => `${r.table}:${keyOf(r)}`)).toEqual([
      'demand:ITEM-A/TOKYO/2027-01',
      'demand:ITEM-A/TOKYO/2027-02',
      'demand:ITEM-A/OSAKA/2027-01',
      'demand:ITEM-C/NAGOYA/2027-02',
      'demand:ITEM-C/NAGOYA/2027-01',
      'capacity:R1/2027-01',
      'inventory:ITEM-A/TOKYO',
      'inventory:ITEM-B/OSAKA',
      'demand:ITEM-B/TOKYO/2027-01',
      'demand:ITEM-B/OSAKA/2027-01',
    ]);
    const itemA = await changes('key=ITEM-A&match=exact&key_column=item_code');
    expect(itemA.rows.map((r) => `${r.table}:${keyOf(r)}`)).toEqual([
      'demand:ITEM-A/OSAKA/2027-01',
      'demand:ITEM-A/TOKYO/2027-01',
      'demand:ITEM-A/TOKYO/2027-02',
      'inventory:ITEM-A/TOKYO',
    ]);
    expect((await changes('kind=removed')).total).toBe(2);
    expect((await changes('table=inventory&column=safety_stock')).rows.map(keyOf)).toEqual(['ITEM-B/OSAKA']);
    expect((await changes('column=quantity&min_delta=50')).total).toBe(3);
    expect((await changes('key_column=resource_code&key=R')).rows.map((r) => r.table)).toEqual(['capacity']);
  });

  it('refuses a column no table has with 400', async () => {
    const res = await server.fetch(`${base}/changes?column=nothing`, { headers: viewer.headers });
    expect(res.status).toBe(400);
  });
});
