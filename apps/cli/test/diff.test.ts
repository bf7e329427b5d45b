import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCachePaths } from '@planning-hub/server/services/diff/diff-cache';
import { createEditedPair } from '@planning-hub/test-support/diff-fixtures';
import { createMovedPair } from '@planning-hub/test-support/moved-fixtures';
import { startTestServer, type TTestServer } from '../../api/test/support/test-server';
import { cliWorkspace, metricValue, type TCliWorkspace } from './support/planning';

/** `planning export --diff-against` asks the server's diff job, as the Diff tab does (docs/runbook.ja.md section 6). */
let server: TTestServer;
let operator: TCliWorkspace;

/** On the server: tmp/input_set_diffs under its work folder. */
const cacheFile = () =>
  path.join(server.workDir, 'tmp', 'input_set_diffs', 'weekly_refresh@draft__weekly_refresh.json');
/** `planning export --label <ref> --diff-against <against> ...more`, as the operator. */
const exportDiff = (ref: string, against: string, ...more: string[]) =>
  operator.planning('export', '--label', ref, '--diff-against', against, ...more);
const diffJobs = async (result: 'success' | 'failure') =>
  metricValue(await (await server.fetch('/metrics')).text(), `input_set_diff_jobs_total{result="${result}"}`);

beforeAll(async () => {
  server = await startTestServer({
    localOperator: true,
    diffWorker: true,
    // One attempt: a failing job fails for good at once.
    env: { DIFF_POLL_INTERVAL_SECONDS: '0.5', DIFF_RETRY_LIMIT: '0' },
  });
  // The CLI works in a folder of its own: the cache file must be the server's, not one it writes.
  operator = await cliWorkspace({ env: { PLANNING_HUB_DATA_DIR: server.dataDir } });
  await createEditedPair(server.runtime.db.pool, 'weekly_refresh');
});
afterAll(async () => {
  await operator?.cleanup();
  await server?.close();
});

describe('planning export --diff-against', () => {
  it("prints the per-table summary once the server's diff job is done, and counts the job", async () => {
    const successBefore = await diffJobs('success');
    const result = await exportDiff('weekly_refresh@draft', 'weekly_refresh');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ Diff of 'weekly_refresh@draft' (r2) against 'weekly_refresh' (r1)");
    expect(result.stdout).toMatch(/demand\s+1\s+1\s+1\s+1/);
    expect(result.stdout).toMatch(/mix\s+0\s+0\s+0\s+2/);
    expect(result.stdout).toMatch(/total\s+2\s+1\s+6\s+10/);
    expect(result.stdout).toContain('cache  tmp/input_set_diffs/weekly_refresh@draft__weekly_refresh.json');
    expect(await diffJobs('success')).toBe(successBefore + 1);

    // The cache file the Diff tab reads is on the server, and the CLI wrote no bundle files.
    const file = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(file).toMatchObject({
      ref: 'weekly_refresh@draft',
      against: 'weekly_refresh',
      totals: { added: 2, removed: 1, changed: 6 },
    });
    expect(file.refHash).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(operator.cwd, 'out'))).toBe(false);
    expect(existsSync(path.join(operator.cwd, 'tmp', 'input_set_diffs'))).toBe(false);
  });

  it('prints the whole diff, rows included, with --json', async () => {
    const result = await exportDiff('weekly_refresh@draft', 'weekly_refresh', '--json');
    expect(result.stderr).toBe('');
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
      {
        key: { item_code: '0123', location_code: 'OSAKA', period: '2027-01' },
        values: { quantity: '5', uom: null },
      },
    ]);
    expect(diff.rows.mix).toEqual({ added: [], removed: [], changed: [] });
  });

  it('also writes the bundle files when -o is given, and the JSON document starts with the export', async () => {
    const result = await exportDiff('weekly_refresh@draft', 'weekly_refresh', '-o', 'out/both');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ Exported 'weekly_refresh@draft'");
    expect(result.stdout).toContain("✓ Diff of 'weekly_refresh@draft'");
    expect(await readdir(path.join(operator.cwd, 'out', 'both'))).toContain('demand.csv');

    const json = await exportDiff('weekly_refresh@draft', 'weekly_refresh', '-o', 'out/json', '--json');
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout);
    expect(Object.keys(document)[0]).toBe('export');
    expect(document.export).toMatchObject({
      label: 'weekly_refresh',
      revision: 2,
      output: path.join(operator.cwd, 'out', 'json'),
    });
    expect(document.rows.demand.changed).toHaveLength(1);
  });

  it('recomputes after the cache file is deleted (runbook: rm, then reload)', async () => {
    await rm(cacheFile());
    const successBefore = await diffJobs('success');
    const result = await exportDiff('weekly_refresh@draft', 'weekly_refresh');
    expect(result.code).toBe(0);
    expect(existsSync(cacheFile())).toBe(true);
    expect(await diffJobs('success')).toBe(successBefore + 1);
  });

  it("exits 1 with the failed job's error and hint when the diff cannot be computed", async () => {
    await createEditedPair(server.runtime.db.pool, 'unwritable');
    // A file where the pair's row folder goes: the job cannot write its cache.
    const paths = diffCachePaths(
      path.join(server.workDir, 'tmp', 'input_set_diffs'),
      'unwritable@draft',
      'unwritable',
    );
    await mkdir(paths.cacheDir, { recursive: true });
    await writeFile(paths.rowsRoot, 'in the way');
    const failureBefore = await diffJobs('failure');
    const result = await exportDiff('unwritable@draft', 'unwritable');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: the diff of 'unwritable@draft' against 'unwritable' failed after 1 attempt(s)",
    );
    expect(result.stderr).toContain('ENOTDIR');
    expect(result.stderr).toContain(
      'hint: The diff failed after 1 attempt(s); the log line input_set_diff_job_failed has the details.',
    );
    expect(await diffJobs('failure')).toBe(failureBefore + 1);
    const json = await exportDiff('unwritable@draft', 'unwritable', '--json');
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
  });

  it('fails with the runbook message for an unknown reference', async () => {
    const result = await exportDiff('weekly_refresh@draft', 'nothing_here');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: Input set 'nothing_here' not found.");
  });

  it('documents in --help that --diff-against alone writes no bundle files', async () => {
    const result = await operator.planning('export', '--help');
    expect(result.stdout).toContain('--diff-against <ref>');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Writes no bundle files unless -o is given too.');
  });
});

describe('planning export --diff-against --by (what moved)', () => {
  beforeAll(async () => {
    await createMovedPair(server.runtime.db.pool, 'moved');
  });

  it('prints the totals of every quantity column and the top movers by item', async () => {
    const result = await exportDiff('moved@draft', 'moved', '--by', 'item_code');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ Diff of 'moved@draft' (r2) against 'moved' (r1)");
    expect(result.stdout).toContain("What moved in 'moved@draft' (r2) against 'moved' (r1)");
    expect(result.stdout).toMatch(/demand\.quantity\s+1,520\s+1,951\s+\+431\s+\+28\.36%\s+0\s+2\s+4\s+0/);
    expect(result.stdout).toMatch(/inventory\.on_hand\s+110\s+125\s+\+15\s+\+13\.64%/);
    expect(result.stdout).toContain('Top movers by item_code (demand.quantity, 3 of 3)');
    const movers = result.stdout
      .trimEnd()
      .split('Top movers')[1]!
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/).slice(0, 4));
    expect(movers).toEqual([
      ['ITEM-A', '250', '750', '+500'],
      ['ITEM-C', '70', '0', '-70'],
      ['ITEM-B', '1,200', '1,201', '+1'],
    ]);
  });

  it('totals another table by another column, hides changes below --tolerance, and limits the list with --top', async () => {
    const result = await exportDiff(
      'moved@draft',
      'moved',
      '--by',
      'location_code',
      '--tolerance',
      'demand.quantity:0.5%',
      '--top',
      '1',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tolerance  demand.quantity:0.5%');
    expect(result.stdout).toMatch(/demand\.quantity\s+1,520\s+1,950\s+\+430\s+\+28\.29%\s+0\s+2\s+3\s+1/);
    expect(result.stdout).toContain('Top movers by location_code (demand.quantity, 1 of 3)');
    expect(result.stdout).toMatch(/TOKYO\s+1,200\s+1,600\s+\+400/);
    const capacity = await exportDiff('moved@draft', 'moved', '--by', 'period', '--table', 'capacity');
    expect(capacity.stdout).toMatch(/2027-01\s+160\s+176\s+\+16\s+\+10%/);
  });

  it('prints the summary as JSON with --json', async () => {
    const result = await exportDiff('moved@draft', 'moved', '--by', 'period', '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ state: 'done', table: 'demand', by: 'period', total: 2 });
    expect(summary.groups.map((g: { key: string; delta: string }) => [g.key, g.delta])).toEqual([
      ['2027-01', '271'],
      ['2027-02', '160'],
    ]);
  });

  it('refuses --by without --diff-against, a column the table is not totalled by, and a bad tolerance', async () => {
    const alone = await operator.planning('export', '--label', 'moved@draft', '--by', 'item_code');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('--by totals a diff: give --diff-against <ref> too.');
    const wrong = await exportDiff('moved@draft', 'moved', '--by', 'resource_code');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      "--by: 'resource_code': demand is totalled by item_code, location_code, period, not resource_code.",
    );
    const tolerance = await exportDiff(
      'moved@draft',
      'moved',
      '--by',
      'item_code',
      '--tolerance',
      'demand.uom:1',
    );
    expect(tolerance.code).toBe(1);
    expect(tolerance.stderr).toContain('demand.uom has no totals');
  });
});
