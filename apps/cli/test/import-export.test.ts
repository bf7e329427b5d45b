import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../packages/server/test/support/bundle-files';
import { createTestDatabase } from '../../../packages/server/test/support/test-database';
import { runPlanning } from './support/planning';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workDir: string;

const planning = (...args: string[]) => runPlanning(args, { databaseUrl: database.url, workDir });

async function readReport() {
  return JSON.parse(await readFile(path.join(workDir, 'tmp/reports/import_planning_inputs.json'), 'utf8'));
}

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-cli-'));
});
afterAll(async () => {
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('planning import / list / export', () => {
  it('imports a bundle folder, prints a summary and writes the report', async () => {
    const dir = await writeBundle();
    const result = await planning('import', '-i', dir, '--version-id', '2027-01-A', '--label', 'weekly_refresh');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 'weekly_refresh' as draft r1 (weekly_refresh@draft)");
    const report = await readReport();
    expect(report).toMatchObject({ ok: true, label: 'weekly_refresh', revision: 1, status: 'draft' });
    expect(report.rowCounts.demand).toBe(3);
  });

  it('lists it with its exact reference, as text and as JSON', async () => {
    const text = await planning('list');
    expect(text.stdout).toMatch(/weekly_refresh@draft\s+draft\s+r1/);
    const json = JSON.parse((await planning('list', '--status', 'draft', '--json')).stdout);
    expect(json.items[0]).toMatchObject({ ref: 'weekly_refresh@draft', status: 'draft' });
  });

  it('exports to out/planning_inputs_<label> and re-imports with the same content hash', async () => {
    const first = await readReport();
    const exported = await planning('export', '--label', 'weekly_refresh@draft', '--json');
    expect(exported.code).toBe(0);
    const { output } = JSON.parse(exported.stdout);
    expect(output).toBe(path.join(workDir, 'out', 'planning_inputs_weekly_refresh@draft'));
    const again = await planning('import', '-i', output, '--version-id', '2027-01-A', '--label', 'round_trip');
    expect(again.code).toBe(0);
    expect((await readReport()).contentHash).toBe(first.contentHash);
  });

  it('exits 2 on validation errors, names file, row and column, and stores nothing', async () => {
    const dir = await writeBundle({ 'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-13,1,pcs\n' });
    const result = await planning('import', '-i', dir, '--version-id', 'v2', '--label', 'broken');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('demand.csv, row 2, column period');
    const report = await readReport();
    expect(report).toMatchObject({ ok: false, stored: false, revision: null });
    expect((await planning('list', '--json')).stdout).not.toContain('broken');
  });

  it('exits 1 with a clear message for a folder that does not exist, still writing the report', async () => {
    const result = await planning('import', '-i', path.join(workDir, 'nope'), '--version-id', 'v', '--label', 'x');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist');
    expect(await readReport()).toMatchObject({ ok: false, stored: false });
  });

  it('says not found with the @draft hint for a label that only has a draft', async () => {
    const result = await planning('export', '--label', 'weekly_refresh');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Input set 'weekly_refresh' not found.");
    expect(result.stderr).toContain('weekly_refresh@draft');
  });

  it('imports a single input_set.json bundle', async () => {
    const file = path.join(workDir, 'input_set.json');
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
    const result = await planning('import', '-i', file, '--version-id', 'json-1', '--label', 'from_json');
    expect(result.stdout + result.stderr).toContain("Imported 'from_json'");
    expect(result.code).toBe(0);
  });
});
