import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startServerWithUsers } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let viewer: TTokenCaller;
let reviewer: TTokenCaller;

beforeAll(async () => {
  ({
    server,
    users: [viewer, reviewer],
  } = await startServerWithUsers('viewer', 'reviewer'));
  await importDraft(server.runtime.db.pool, 'etag_a');
  await importDraft(server.runtime.db.pool, 'etag_b');
});
afterAll(() => server?.close());

/** A GET as a script sends it: no gzip unless asked, and If-None-Match when given. */
function get(path: string, caller: TTokenCaller, extra: Record<string, string> = {}) {
  return server.fetch(path, { headers: { ...caller.headers, 'accept-encoding': 'identity', ...extra } });
}

async function approve(ref: string): Promise<void> {
  const res = await server.fetch(API.review(ref), {
    method: 'POST',
    headers: { ...reviewer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', comment: 'JIRA-7 checked', acknowledge_warnings: true }),
  });
  expect(res.status).toBe(200);
}

describe('ETag and 304 on the list, the detail and the events (docs/performance.md, "API under load")', () => {
  it('answers the list 304 while nothing changed, and with a new ETag after an upload and after an approval', async () => {
    const first = await get(API.inputSets, viewer);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const page = ZListInputSetsResponse.parse(await first.json());
    expect(page.total).toBe(2);

    const again = await get(API.inputSets, viewer, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // Another page or filter is another answer.
    const other = await get(`${API.inputSets}?limit=1`, viewer, { 'if-none-match': etag });
    expect(other.status).toBe(200);

    await importDraft(server.runtime.db.pool, 'etag_c');
    const afterUpload = await get(API.inputSets, viewer, { 'if-none-match': etag });
    expect(afterUpload.status).toBe(200);
    const uploadEtag = afterUpload.headers.get('etag')!;
    expect(uploadEtag).not.toBe(etag);
    expect(ZListInputSetsResponse.parse(await afterUpload.json()).total).toBe(3);

    await approve('etag_a@draft');
    const afterApprove = await get(API.inputSets, viewer, { 'if-none-match': uploadEtag });
    expect(afterApprove.status).toBe(200);
    expect(afterApprove.headers.get('etag')).not.toBe(uploadEtag);
    const items = ZListInputSetsResponse.parse(await afterApprove.json()).items;
    expect(items.find((item) => item.label === 'etag_a')).toMatchObject({ status: 'ready', ref: 'etag_a' });
  });

  it('answers a page of events 304 until the label has a new event', async () => {
    const path = `${API.events('etag_b')}?limit=100`;
    const first = await get(path, viewer);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(ZEventsResponse.parse(await first.json()).events.map((e) => e.action)).toEqual(['upload']);
    expect((await get(path, viewer, { 'if-none-match': etag })).status).toBe(304);

    await approve('etag_b@draft');
    const after = await get(path, viewer, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(ZEventsResponse.parse(await after.json()).events.map((e) => e.action)).toEqual([
      'approve',
      'upload',
    ]);
  });

  it('answers the detail 304 while the revision is unchanged, and 200 after its approval', async () => {
    await importDraft(server.runtime.db.pool, 'etag_d');
    const first = await get(API.inputSet('etag_d@draft'), viewer);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect((await get(API.inputSet('etag_d@draft'), viewer, { 'if-none-match': etag })).status).toBe(304);
    await approve('etag_d@draft');
    const after = await get(API.inputSet('etag_d'), viewer, { 'if-none-match': etag });
    expect(after.status).toBe(200);
  });

  it('sends the kept answer gzipped to a client that accepts gzip, with its own ETag that also answers 304', async () => {
    const plain = await get(API.inputSets, viewer);
    const text = await plain.text();
    const res = await fetchRaw(API.inputSets, { ...viewer.headers, 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(res.body).toString('utf8')).toBe(text);
    const gzEtag = String(res.headers.etag);
    expect(gzEtag).not.toBe(plain.headers.get('etag'));
    expect((await get(API.inputSets, viewer, { 'if-none-match': gzEtag })).status).toBe(304);
  });

  it('refuses a revoked token at once, even for an answer it was sent before and names by its ETag', async () => {
    const caller = await server.createUserWithToken('viewer');
    const first = await get(API.inputSets, caller);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const revoke = await server.fetch(API.revokeToken, {
      method: 'POST',
      headers: { ...caller.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ prefix: caller.token.split('_')[1] }),
    });
    expect(revoke.status).toBe(200);
    expect((await get(API.inputSets, caller)).status).toBe(401);
    expect((await get(API.inputSets, caller, { 'if-none-match': etag })).status).toBe(401);
    expect((await get(`${API.events('etag_b')}?limit=100`, caller)).status).toBe(401);
    // Others' tokens keep working, from the same kept answer.
    expect((await get(API.inputSets, viewer, { 'if-none-match': etag })).status).toBe(304);
  });
});

/** fetch() gunzips on its own; node:http shows the bytes as sent. */
async function fetchRaw(
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${server.baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
