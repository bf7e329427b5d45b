import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../../packages/server/src/database/connect';
import { createEditedPair } from '../../../packages/server/test/diff/diff-fixtures';
import { createTestDatabase } from '../../../packages/server/test/support/test-database';
import { runPlanning } from './support/planning';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workDir: string;

const planning = (...args: string[]) => runPlanning(args, { databaseUrl: database.url, workDir });

const cacheFile = () => path.join(workDir, 'tmp', 'input_set_diffs', 'weekly_refresh@draft__weekly_refresh.json');

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-cli-diff-'));
  const db = createDatabaseClients(database.url, 2);
  try {
    await createEditedPair(db.pool, 'weekly_refresh');
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('planning export --diff-against', () => {
  it('prints the per-table summary and writes the cache file the Diff tab reads, without bundle files', async () => {
    const result = await planning('export', '--label', 'weekly_refresh@draft', '--diff-against', 'weekly_refresh');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ Diff of 'weekly_refresh@draft' (r2) against 'weekly_refresh' (r1)");
    expect(result.stdout).toMatch(/demand\s+1\s+1\s+1\s+1/);
    expect(result.stdout).toMatch(/mix\s+0\s+0\s+0\s+2/);
    expect(result.stdout).toMatch(/total\s+2\s+1\s+6\s+10/);
    expect(result.stdout).toContain('weekly_refresh@draft__weekly_refresh.json');
    const file = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(file).toMatchObject({ ref: 'weekly_refresh@draft', against: 'weekly_refresh', totals: { added: 2, removed: 1, changed: 6 } });
    expect(file.refHash).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(workDir, 'out'))).toBe(false);
  });

  it('prints the whole diff, rows included, with --json', async () => {
    const result = await planning('export', '--label', 'weekly_refresh@draft', '--diff-against', 'weekly_refresh', '--json');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff).toMatchObject({ ref: 'weekly_refresh@draft', against: 'weekly_refresh', identical: false });
    expect(Object.keys(diff.rows)).toHaveLength(8);
    expect(diff.rows.demand.changed).toEqual([
      {
        key: { item_code: '部品-001', location_code: '東京', period: '2027-02' },
        changes: [
          { column: 'quantity', old: '80', new: '100', delta: '20', percent: '25' },
          { column: 'uom', old: 'pcs', new: '個' },
        ],
      },
    ]);
    expect(diff.rows.demand.added).toEqual([
      { key: { item_code: '0123', location_code: 'OSAKA', period: '2027-01' }, values: { quantity: '5', uom: null } },
    ]);
    expect(diff.rows.mix).toEqual({ added: [], removed: [], changed: [] });
  });

  it('also writes the bundle files when -o is given', async () => {
    const result = await planning('export', '--label', 'weekly_refresh@draft', '--diff-against', 'weekly_refresh', '-o', 'out/both');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ Exported 'weekly_refresh@draft'");
    expect(result.stdout).toContain("✓ Diff of 'weekly_refresh@draft'");
    expect(await readdir(path.join(workDir, 'out', 'both'))).toContain('demand.csv');
  });

  it('fails with the runbook message for an unknown reference', async () => {
    const result = await planning('export', '--label', 'weekly_refresh@draft', '--diff-against', 'nothing_here');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: Input set 'nothing_here' not found.");
  });

  it('documents in --help that --diff-against alone writes no bundle files', async () => {
    const result = await planning('export', '--help');
    expect(result.stdout).toContain('--diff-against <ref>');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Writes no bundle files unless -o is given too.');
  });
});
