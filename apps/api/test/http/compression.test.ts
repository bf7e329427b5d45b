import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { importSampleDraft } from '../support/import-bundle';
import { startTestServer, type TTestServer } from '../support/test-server';

describe('response compression', () => {
  let server: TTestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('gzips JSON answers for clients that accept it, and leaves zip downloads as they are', async () => {
    await importSampleDraft(server.runtime.db.pool, 'gzip_check');
    const viewer = await server.createUserWithToken('viewer');
    const headers = { ...viewer.headers, 'accept-encoding': 'gzip' };

    // Answers under 1 KiB are sent as they are: a page of several revisions is not.
    for (const label of ['gzip_b', 'gzip_c']) await importSampleDraft(server.runtime.db.pool, label);
    const list = await server.fetch('/api/plans/input_sets', { headers });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-encoding')).toBe('gzip');
    expect(ZListInputSetsResponse.parse(await list.json()).items.map((i) => i.label)).toContain('gzip_check');

    const zip = await server.fetch(API.exportZip('gzip_check@draft'), { headers });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toMatch(/zip/);
    expect(zip.headers.get('content-encoding')).toBeNull();
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    const plain = await server.fetch('/api/plans/input_sets', {
      headers: { ...viewer.headers, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
