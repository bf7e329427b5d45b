import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PAGE, ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startServerWithUsers } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let viewer: TTokenCaller;

beforeAll(async () => {
  ({
    server,
    users: [viewer],
  } = await startServerWithUsers('viewer'));
  for (const label of ['page_a', 'page_b', 'page_c']) await importDraft(server.runtime.db.pool, label);
});
afterAll(() => server?.close());

async function list(query: string) {
  const res = await server.fetch(`${API.inputSets}${query}`, { headers: viewer.headers });
  expect(res.status).toBe(200);
  return ZListInputSetsResponse.parse(await res.json());
}

describe('GET /api/plans/input_sets, a page at a time', () => {
  it('names the offset of the next page until the last one, with the total on every page', async () => {
    const first = await list('?limit=2');
    expect(first).toMatchObject({ total: 3, nextOffset: 2 });
    expect(first.items.map((i) => i.label)).toEqual(['page_c', 'page_b']);
    const last = await list(`?limit=2&offset=${first.nextOffset}`);
    expect(last).toMatchObject({ total: 3, nextOffset: null });
    expect(last.items.map((i) => i.label)).toEqual(['page_a']);
    expect(await list('?offset=5')).toMatchObject({ items: [], total: 3, nextOffset: null });
  });

  it(`answers ${DEFAULT_LIST_PAGE} revisions when no limit is named`, async () => {
    expect(DEFAULT_LIST_PAGE).toBe(50);
    expect(await list('')).toMatchObject({ total: 3, nextOffset: null });
  });
});
