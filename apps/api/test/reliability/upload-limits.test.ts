import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { VALID_BUNDLE, bundleFormData } from '@planning-hub/test-support/bundle-files';
import { zipBomb, zipOf } from '@planning-hub/test-support/bad-zips';
import { startHalfUpload } from '../support/half-upload';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Limits that hold per upload request, not per file: the inflated size of all the
 * zips of one request together, the number of uploads a server takes at once, the
 * size of params.csv (read whole: params are settings, not data).
 */

const UPLOAD_MAX_BYTES = 8 * 2 ** 20;

let server: TTestServer;
let planner: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer({
    env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), UPLOAD_CONCURRENCY: '1' },
  });
  planner = await server.createUserWithToken('planner');
});
afterAll(() => server?.close());

function uploadForm(label: string, form: FormData) {
  return server.fetch(API.upload(label), { method: 'POST', headers: planner.headers, body: form });
}

describe('zips in one upload', () => {
  it('share one inflated-bytes budget: two zips that each inflate to 60% of UPLOAD_MAX_BYTES answer 413', async () => {
    const form = new FormData();
    form.append('version_id', 'two-zips');
    for (const name of ['a.zip', 'b.zip'])
      form.append('files', new Blob([zipBomb(Math.round(UPLOAD_MAX_BYTES * 0.6))]), name);
    const res = await uploadForm('two-zips', form);
    expect(res.status).toBe(413);
    expect(ZProblemDetails.parse(await res.json()).detail).toMatch(
      /inflates to more than \d+ bytes \(all zips of one upload together\)/,
    );
  });

  it('still take a bundle split over several zips', async () => {
    const entries = Object.entries(VALID_BUNDLE);
    const form = new FormData();
    form.append('version_id', 'split');
    form.append('files', new Blob([await zipOf(Object.fromEntries(entries.slice(0, 4)))]), 'first.zip');
    form.append('files', new Blob([await zipOf(Object.fromEntries(entries.slice(4)))]), 'second.zip');
    const res = await uploadForm('split', form);
    expect(res.status).toBe(201);
  });
});

describe('UPLOAD_CONCURRENCY', () => {
  it('refuses one upload more than the limit at once with 503 and Retry-After, and takes it once the first is done', async () => {
    // The first upload: headers and half its body, then it waits.
    const first = await startHalfUpload(server.baseUrl, 'busy-first', planner.headers);

    const refused = await uploadForm('busy-second', bundleFormData({ version_id: 'second' }));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ZProblemDetails.parse(await refused.json()).detail).toMatch(/busy with 1 upload/);

    expect(await first.finish()).toBe(201);
    expect((await uploadForm('busy-second', bundleFormData({ version_id: 'second' }))).status).toBe(201);
  });
});

describe('params.csv', () => {
  it('is refused past 1 MiB with a clear 422, as params.json is', async () => {
    const lines = [
      'key,value',
      'horizon_start,"""2027-01"""',
      'horizon_periods,2',
      'period_granularity,"""month"""',
    ];
    // About 2 MiB: 10,000 params of 200 characters each.
    for (let i = 0; i < 10_000; i++) lines.push(`note_${i},"""${'x'.repeat(200)}"""`);
    const { 'params.json': _json, ...files } = VALID_BUNDLE;
    const form = new FormData();
    form.append('version_id', 'big-params');
    for (const [name, content] of Object.entries({ ...files, 'params.csv': `${lines.join('\n')}\n` })) {
      form.append('files', new Blob([content]), name);
    }
    const res = await uploadForm('big-params', form);
    expect(res.status).toBe(422);
    const report = ZImportReport.parse(((await res.json()) as { report: unknown }).report);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        code: 'unparsable_row',
        file: 'params.csv',
        message: expect.stringMatching(/larger than 1 MiB/),
      }),
    );
  });
});
