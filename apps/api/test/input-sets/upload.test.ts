import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  ZImportReport,
  ZInputSetDetail,
  ZListInputSetsResponse,
  ZTableRowsResponse,
} from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { extractZipBundle } from '@planning-hub/server/services/input-sets/bundle-sources';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { importBundleAsCli, importSampleDraft } from '../support/import-bundle';
import { oversizedBundleForm } from '../support/oversized-bundle';
import { serverWithUsersForFile } from '../support/server-with-users';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { SAMPLE_BUNDLE_FILES } from '../support/sample-bundle-files';

let server: TTestServer;
let planner: TTokenCaller;

serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));

async function upload(
  label: string,
  fields: Record<string, string> = {},
  overrides: Record<string, string | null> = {},
) {
  return server.fetch(`/api/plans/input_sets/${label}/upload`, {
    method: 'POST',
    headers: planner.headers,
    body: bundleFormData({ version_id: '2027-01-A', ...fields }, overrides),
  });
}

async function countEvents(label: string): Promise<number> {
  const { rows } = await server.runtime.db.pool.query(
    'SELECT count(*)::int AS n FROM planning_input_set_events WHERE label = $1',
    [label],
  );
  return rows[0].n;
}

describe('POST /api/plans/input_sets/{label}/upload', () => {
  it('stores a valid bundle as draft r1 and records an upload event', async () => {
    const res = await upload('weekly_refresh', { note: 'first cut' });
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    expect(report).toMatchObject({
      ok: true,
      stored: true,
      label: 'weekly_refresh',
      revision: 1,
      status: 'draft',
      ref: 'weekly_refresh@draft',
    });
    expect(report.rowCounts).toMatchObject({ demand: 3, capacity: 2, mix: 2, calendar: 3, params: 4 });
    expect(report.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await countEvents('weekly_refresh')).toBe(1);
  });

  it('answers the runbook text with a hint to @draft when only a draft exists', async () => {
    const res = await server.fetch('/api/plans/input_sets/weekly_refresh', { headers: planner.headers });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = ZProblemDetails.parse(await res.json());
    expect(problem.detail).toBe("Input set 'weekly_refresh' not found.");
    expect(problem.hint).toContain('weekly_refresh@draft');
  });

  it('shows the draft with its counts and keeps codes exactly as typed', async () => {
    const detail = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    expect(detail).toMatchObject({ status: 'draft', revision: 1, note: 'first cut', versionId: '2027-01-A' });
    const page = ZTableRowsResponse.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft/tables/demand?limit=10', {
          headers: planner.headers,
        })
      ).json(),
    );
    expect(page.columns).toEqual(['item_code', 'location_code', 'period', 'quantity', 'uom']);
    expect(page.rows.map((r) => r[0])).toContain('0123');
    expect(page.rows.map((r) => r[0])).toContain('部品-001');
    expect(page.total).toBe(3);
  });

  it('overwrites the draft on a second upload, keeping r1 and both hashes in the event', async () => {
    const before = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    const res = await upload(
      'weekly_refresh',
      { version_id: '2027-01-B' },
      {
        'demand.csv':
          'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,101,pcs\n0123,OSAKA,2027-02,20,\n',
      },
    );
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    expect(report.revision).toBe(1);
    expect(report.previousContentHash).toBe(before.contentHash);
    expect(report.contentHash).not.toBe(before.contentHash);
    const { rows } = await server.runtime.db.pool.query(
      "SELECT metadata FROM planning_input_set_events WHERE label = 'weekly_refresh' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0].metadata).toMatchObject({
      previous_content_hash: before.contentHash,
      content_hash: report.contentHash,
    });
  });

  it('refuses a bundle with errors with 422 records naming file, row and column, and changes nothing', async () => {
    const before = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    const eventsBefore = await countEvents('weekly_refresh');
    const res = await upload(
      'weekly_refresh',
      {},
      {
        'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,-5,pcs\n',
      },
    );
    expect(res.status).toBe(422);
    const problem = ZProblemDetails.parse(await res.json());
    expect(problem.errors).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'demand.csv',
        row: 2,
        column: 'quantity',
        value: '-5',
      }),
    );
    // The whole report too, as the CLI keeps it in tmp/reports/import_planning_inputs.json.
    expect(problem.report).toMatchObject({
      ok: false,
      stored: false,
      label: 'weekly_refresh',
      problemSummary: { errors: 1 },
    });
    const after = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    expect(after.contentHash).toBe(before.contentHash);
    expect(await countEvents('weekly_refresh')).toBe(eventsBefore);
  });

  it('keeps an invalid bundle as a draft marked invalid when allow_invalid=true', async () => {
    const res = await upload(
      'invalid_kept',
      { allow_invalid: 'true' },
      {
        'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,-5,pcs\n',
      },
    );
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    expect(report).toMatchObject({ ok: false, stored: true });
    expect(report.problemSummary.errors).toBeGreaterThan(0);
  });

  it('rejects a bad label with 400 before reading the body', async () => {
    const res = await upload('..%2Fetc');
    expect([400, 404]).toContain(res.status);
    const res2 = await upload('Weekly');
    expect(res2.status).toBe(400);
  });

  it('gives the same revision content for the same files over REST and through the CLI service', async () => {
    const rest = ZImportReport.parse(await (await upload('same_rest')).json());
    const cli = await importSampleDraft(server.runtime.db.pool, 'same_cli');
    expect(cli.contentHash).toBe(rest.contentHash);
    expect(cli.rowCounts).toEqual(rest.rowCounts);
  });

  it('exports a zip whose re-import gives the same content hash', async () => {
    const detail = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/same_rest@draft', { headers: planner.headers })
      ).json(),
    );
    const res = await server.fetch('/api/plans/input_sets/same_rest@draft/export', {
      headers: planner.headers,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zipPath = path.join(server.workDir, 'export.zip');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(zipPath, Buffer.from(await res.arrayBuffer()));
    const sources = await extractZipBundle(zipPath, path.join(server.workDir, 'unzipped'), {
      maxBytes: 1 << 20,
      maxFiles: 20,
    });
    expect(sources.map((s) => s.name).sort()).toEqual(SAMPLE_BUNDLE_FILES);
    const again = await importBundleAsCli(server.runtime.db.pool, {
      label: 'same_reimport',
      versionId: 'x',
      files: sources,
      sourceKind: 'zip',
    });
    expect(again.contentHash).toBe(detail.contentHash);
    expect(await readdir(path.join(server.workDir, 'unzipped'))).toHaveLength(8);
  });

  it('lists revisions with their exact references and filters by status and search', async () => {
    const all = ZListInputSetsResponse.parse(
      await (await server.fetch('/api/plans/input_sets', { headers: planner.headers })).json(),
    );
    expect(all.items.map((i) => i.ref)).toContain('weekly_refresh@draft');
    const searched = ZListInputSetsResponse.parse(
      await (
        await server.fetch('/api/plans/input_sets?search=same_&status=draft', { headers: planner.headers })
      ).json(),
    );
    expect(searched.items.every((i) => i.label.startsWith('same_') && i.status === 'draft')).toBe(true);
  });

  it('rolls back everything when the database fails midway through an import', async () => {
    const before = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    const eventsBefore = await countEvents('weekly_refresh');
    // A trigger that fails the load of inbound rows, after demand and the others were copied.
    const admin = new pg.Client({ connectionString: server.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE FUNCTION fail_inbound() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
                       CREATE TRIGGER fail_inbound BEFORE INSERT ON planning_input_inbound FOR EACH ROW EXECUTE FUNCTION fail_inbound();`);
    try {
      const res = await upload(
        'weekly_refresh',
        { version_id: 'broken' },
        {
          'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,999,pcs\n',
        },
      );
      expect(res.status).toBe(500);
    } finally {
      await admin.query('DROP TRIGGER fail_inbound ON planning_input_inbound; DROP FUNCTION fail_inbound();');
      await admin.end();
    }
    const after = ZInputSetDetail.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh@draft', { headers: planner.headers })
      ).json(),
    );
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.versionId).toBe(before.versionId);
    expect(await countEvents('weekly_refresh')).toBe(eventsBefore);
  });

  it('answers 413 past the upload size limit', async () => {
    const small = await startTestServer({ env: { UPLOAD_MAX_BYTES: '2048' } });
    try {
      const caller = await small.createUserWithToken('planner');
      const res = await small.fetch('/api/plans/input_sets/big/upload', {
        method: 'POST',
        headers: caller.headers,
        body: oversizedBundleForm(),
      });
      expect(res.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});
