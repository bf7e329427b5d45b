import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import type { TTestServer } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { cliWorkspace, LOCAL_PRINCIPAL, type TCliWorkspace } from './support/planning';
import { importArgs } from './support/planning-args';
import { SAMPLE_BUNDLE_FILES } from '../../api/test/support/sample-bundle-files';

/**
 * The runbook's import and export, run from the server's own checkout: the CLI finds the
 * server through .data/server.json and acts as the local operator, with no login.
 */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;
let viewer: { headers: Record<string, string> };

const reportOf = (workspace: TCliWorkspace) =>
  readFile(path.join(workspace.cwd, 'tmp/reports/import_planning_inputs.json'), 'utf8').then((text) =>
    JSON.parse(text),
  );

async function detailOf(ref: string) {
  const res = await server.fetch(`/api/plans/input_sets/${encodeURIComponent(ref)}`, {
    headers: viewer.headers,
  });
  return ZInputSetDetail.parse(await res.json());
}

beforeAll(async () => {
  ({ server, operator, close } = await startServerWithOperator());
  viewer = await server.createUserWithToken('viewer');
});
afterAll(() => close?.());

describe('planning import / list / export, as the local operator', () => {
  it('imports a bundle folder without a login, skips OS litter, prints a summary and writes the report', async () => {
    const dir = await writeBundle({ '.DS_Store': 'junk', 'Thumbs.db': 'junk', '._demand.csv': 'junk' });
    const result = await operator.planning(...importArgs(dir, '2027-01-A', 'weekly_refresh'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 'weekly_refresh' as draft r1 (weekly_refresh@draft)");
    const report = await reportOf(operator);
    expect(report).toMatchObject({ ok: true, label: 'weekly_refresh', revision: 1, status: 'draft' });
    expect(report.rowCounts.demand).toBe(3);

    const detail = await detailOf('weekly_refresh@draft');
    expect(detail.uploadedBy).toBe(LOCAL_PRINCIPAL);
    expect(detail.source.files?.map((f) => f.name)).not.toEqual(expect.arrayContaining(['.DS_Store']));
    expect(detail.source.files?.map((f) => f.name).sort()).toEqual(SAMPLE_BUNDLE_FILES);
    const events = ZEventsResponse.parse(
      await (
        await server.fetch('/api/plans/input_sets/weekly_refresh/events', { headers: viewer.headers })
      ).json(),
    );
    expect(events.events[0]).toMatchObject({ action: 'upload', principal: LOCAL_PRINCIPAL });
  });

  it('lists it with its exact reference, as text and as JSON', async () => {
    const text = await operator.planning('list');
    expect(text.stdout).toMatch(/weekly_refresh@draft\s+draft\s+r1/);
    const json = JSON.parse((await operator.planning('list', '--status', 'draft', '--json')).stdout);
    expect(json.items[0]).toMatchObject({ ref: 'weekly_refresh@draft', status: 'draft' });
  });

  it('exports to out/planning_inputs_<label> and re-imports with the same content hash', async () => {
    const first = await reportOf(operator);
    const exported = await operator.planning('export', '--label', 'weekly_refresh@draft', '--json');
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const summary = JSON.parse(exported.stdout);
    expect(summary).toMatchObject({
      label: 'weekly_refresh',
      revision: 1,
      status: 'draft',
      contentHash: first.contentHash,
    });
    expect(summary.output).toBe(path.join(operator.cwd, 'out', 'planning_inputs_weekly_refresh@draft'));
    expect(summary.files).toContain('demand.csv');
    const again = await operator.planning(...importArgs(summary.output, '2027-01-A', 'round_trip'));
    expect(again.code).toBe(0);
    expect((await reportOf(operator)).contentHash).toBe(first.contentHash);
  });

  it('prints the export as the runbook shows it, with the re-import command', async () => {
    const result = await operator.planning('export', '--label', 'weekly_refresh@draft', '-o', 'out/again');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `✓ Exported 'weekly_refresh@draft' (r1, draft) to ${path.join(operator.cwd, 'out', 'again')}`,
    );
    expect(result.stdout).toContain(
      'Re-import with  pnpm planning import -i out/again --version-id 2027-01-A --label weekly_refresh',
    );
  });

  it('exits 2 on validation errors, names file, row and column, keeps the report and stores nothing', async () => {
    const dir = await writeBundle({
      'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-13,1,pcs\n',
    });
    const result = await operator.planning('import', '-i', dir, '--version-id', 'v2', '--label', 'broken');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('demand.csv, row 2, column period');
    const report = await reportOf(operator);
    expect(report).toMatchObject({ ok: false, stored: false, revision: null, label: 'broken' });
    expect(report.problems.length).toBeGreaterThan(0);
    expect((await operator.planning('list', '--json')).stdout).not.toContain('broken');
  });

  it('keeps an invalid bundle as a draft with --allow-invalid, still exit 2', async () => {
    const dir = await writeBundle({
      'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,-5,pcs\n',
    });
    const result = await operator.planning(...importArgs(dir, 'v3', 'kept_invalid', '--allow-invalid'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      "Imported 'kept_invalid' as draft r1 (kept_invalid@draft) marked invalid",
    );
    expect(await reportOf(operator)).toMatchObject({ ok: false, stored: true });
  });

  it('exits 1 with a clear message for a folder that does not exist, still writing the report', async () => {
    const result = await operator.planning(...importArgs(path.join(operator.cwd, 'nope'), 'v', 'x'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist');
    expect(await reportOf(operator)).toMatchObject({
      ok: false,
      stored: false,
      error: expect.stringContaining('does not exist'),
    });
  });

  it('says not found with the @draft hint for a label that only has a draft', async () => {
    const result = await operator.planning('export', '--label', 'weekly_refresh');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Input set 'weekly_refresh' not found.");
    expect(result.stderr).toContain('weekly_refresh@draft');
  });

  it('imports a single input_set.json bundle', async () => {
    const file = path.join(operator.cwd, 'input_set.json');
    await writeFile(
      file,
      JSON.stringify({
        params: { horizon_start: '2027-01', horizon_periods: 1, period_granularity: 'month' },
        tables: {
          calendar: [{ date: '2027-01-04', period: '2027-01', working: true, hours: 8 }],
          capacity: [{ resource_code: 'R1', period: '2027-01', available_hours: 100 }],
          mix: [{ resource_code: 'R1', item_code: 'A', share: 1, units_per_hour: 5 }],
          demand: [{ item_code: 'A', location_code: 'L', period: '2027-01', quantity: 10 }],
        },
      }),
    );
    const result = await operator.planning(...importArgs(file, 'json-1', 'from_json'));
    expect(result.stdout + result.stderr).toContain("Imported 'from_json'");
    expect(result.code).toBe(0);
  });

  it('imports the Shift_JIS sample bundle with --encoding shift_jis, Japanese codes intact', async () => {
    const dir = path.join(findRepoRoot(), 'examples', 'sample-bundle-sjis');
    const result = await operator.planning(
      ...importArgs(dir, 'sjis-1', 'sjis', '--encoding', 'shift_jis', '--json'),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.values(report.encodings)).toContain('shift_jis');
    const utf8 = await operator.planning(
      ...importArgs(path.join(findRepoRoot(), 'examples', 'sample-bundle'), 'utf8-1', 'utf8', '--json'),
    );
    // The same data in two encodings is the same content.
    expect(JSON.parse(utf8.stdout).contentHash).toBe(report.contentHash);
  });

  it('works from a second working folder through PLANNING_HUB_DATA_DIR, writing the report there', async () => {
    const elsewhere = await cliWorkspace({ env: { PLANNING_HUB_DATA_DIR: server.dataDir } });
    try {
      const result = await elsewhere.planning(...importArgs(await writeBundle(), 'w2', 'from_elsewhere'));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await reportOf(elsewhere)).toMatchObject({ ok: true, label: 'from_elsewhere' });
      expect((await detailOf('from_elsewhere@draft')).uploadedBy).toBe(LOCAL_PRINCIPAL);
    } finally {
      await elsewhere.cleanup();
    }
  });

  it('imports a .zip of a bundle, as exported', async () => {
    const res = await server.fetch('/api/plans/input_sets/weekly_refresh%40draft/export', {
      headers: viewer.headers,
    });
    const zip = path.join(operator.cwd, 'bundle.zip');
    await writeFile(zip, Buffer.from(await res.arrayBuffer()));
    const result = await operator.planning(...importArgs(zip, 'zip-1', 'from_zip', '--json'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).contentHash).toBe((await detailOf('weekly_refresh@draft')).contentHash);
  });
});
