import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZImportReport, ZInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { startHalfUpload } from '../support/half-upload';
import { oversizedBundleForm } from '../support/oversized-bundle';
import { serverWithUsersForFile } from '../support/server-with-users';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * POST /api/plans/input_sets/{label}/upload?dry_run=true: "Check again" of the browser's
 * fix grid (docs/design.md section 3). The bundle is validated as an upload would be, and
 * nothing is stored: no revision, no rows, no event.
 */

const BAD_DEMAND =
  'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,１２０,pcs\n0123,OSAKA,2027-02,"1,234",\n';

let server: TTestServer;
let planner: TTokenCaller;

serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));

function dryRun(label: string, form: FormData, headers: Record<string, string> = planner.headers) {
  return server.fetch(`${API.upload(label)}?dry_run=true`, { method: 'POST', headers, body: form });
}

async function countRows(label: string): Promise<{ revisions: number; events: number }> {
  const { rows } = await server.runtime.db.pool.query(
    `SELECT (SELECT count(*)::int FROM planning_input_sets WHERE label = $1) AS revisions,
            (SELECT count(*)::int FROM planning_input_set_events WHERE label = $1) AS events`,
    [label],
  );
  return rows[0];
}

describe('POST /api/plans/input_sets/{label}/upload?dry_run=true', () => {
  it('answers 200 with the report of a bundle with errors, and stores nothing', async () => {
    const res = await dryRun(
      'checked_only',
      bundleFormData({ version_id: 'v1' }, { 'demand.csv': BAD_DEMAND }),
    );
    expect(res.status).toBe(200);
    const report = ZImportReport.parse(await res.json());
    expect(report).toMatchObject({
      ok: false,
      stored: false,
      label: 'checked_only',
      revision: null,
      ref: null,
      contentHash: null,
    });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'wrong_type',
          file: 'demand.csv',
          row: 2,
          column: 'quantity',
          value: '１２０',
        }),
        expect.objectContaining({
          code: 'wrong_type',
          file: 'demand.csv',
          row: 3,
          column: 'quantity',
          value: '1,234',
        }),
      ]),
    );
    expect(report.problemSummary.errors).toBe(2);
    expect(await countRows('checked_only')).toEqual({ revisions: 0, events: 0 });
  });

  it('answers ok for the fixed files with their row counts, still storing nothing', async () => {
    const fixed = BAD_DEMAND.replace('１２０', '120').replace('"1,234"', '1234');
    const res = await dryRun('checked_only', bundleFormData({ version_id: 'v1' }, { 'demand.csv': fixed }));
    expect(res.status).toBe(200);
    const report = ZImportReport.parse(await res.json());
    expect(report).toMatchObject({ ok: true, stored: false, problemSummary: { errors: 0 } });
    expect(report.rowCounts).toMatchObject({ demand: 2 });
    expect(await countRows('checked_only')).toEqual({ revisions: 0, events: 0 });
    const detail = await server.fetch(API.inputSet('checked_only@draft'), { headers: planner.headers });
    expect(detail.status).toBe(404);
  });

  it('leaves an existing draft, its rows and its events as they were', async () => {
    expect(
      (
        await server.fetch(API.upload('kept_draft'), {
          method: 'POST',
          headers: planner.headers,
          body: bundleFormData({ version_id: 'v1' }),
        })
      ).status,
    ).toBe(201);
    const before = ZInputSetDetail.parse(
      await (await server.fetch(API.inputSet('kept_draft@draft'), { headers: planner.headers })).json(),
    );
    const counts = await countRows('kept_draft');
    const res = await dryRun(
      'kept_draft',
      bundleFormData({ version_id: 'v2' }, { 'demand.csv': BAD_DEMAND }),
    );
    expect(res.status).toBe(200);
    const after = ZInputSetDetail.parse(
      await (await server.fetch(API.inputSet('kept_draft@draft'), { headers: planner.headers })).json(),
    );
    expect({ hash: after.contentHash, versionId: after.versionId, rows: after.rowCounts }).toEqual({
      hash: before.contentHash,
      versionId: 'v1',
      rows: before.rowCounts,
    });
    expect(await countRows('kept_draft')).toEqual(counts);
  });

  it('refuses a viewer with 403 and an anonymous caller with 401', async () => {
    const viewer = await server.createUserWithToken('viewer');
    expect((await dryRun('checked_only', bundleFormData({ version_id: 'v1' }), viewer.headers)).status).toBe(
      403,
    );
    expect((await dryRun('checked_only', bundleFormData({ version_id: 'v1' }), {})).status).toBe(401);
  });

  it('refuses a dry_run that is neither true nor false with 400', async () => {
    const res = await server.fetch(`${API.upload('checked_only')}?dry_run=yes`, {
      method: 'POST',
      headers: planner.headers,
      body: bundleFormData({ version_id: 'v1' }),
    });
    expect(res.status).toBe(400);
    expect(ZProblemDetails.parse(await res.json()).detail).toMatch(/dry_run/);
  });
});

describe('the limits of an upload, for a dry run too', () => {
  let small: TTestServer;
  let caller: TTokenCaller;

  beforeAll(async () => {
    small = await startTestServer({ env: { UPLOAD_MAX_BYTES: '4096', UPLOAD_CONCURRENCY: '1' } });
    caller = await small.createUserWithToken('planner');
  });
  afterAll(() => small?.close());

  it('answers 413 past the upload size limit', async () => {
    const res = await small.fetch(`${API.upload('big')}?dry_run=true`, {
      method: 'POST',
      headers: caller.headers,
      body: oversizedBundleForm(),
    });
    expect(res.status).toBe(413);
  });

  it('takes an upload slot: while an upload is being read, a dry run is refused with 503 and Retry-After', async () => {
    const first = await startHalfUpload(small.baseUrl, 'busy-first', caller.headers);

    const refused = await small.fetch(`${API.upload('busy-second')}?dry_run=true`, {
      method: 'POST',
      headers: caller.headers,
      body: bundleFormData({ version_id: 'second' }),
    });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    expect(await first.finish()).toBe(201);
    const checked = await small.fetch(`${API.upload('busy-second')}?dry_run=true`, {
      method: 'POST',
      headers: caller.headers,
      body: bundleFormData({ version_id: 'second' }),
    });
    expect(checked.status).toBe(200);
  });
});
