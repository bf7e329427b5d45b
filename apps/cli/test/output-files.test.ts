import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZRunDetail } from '@planning-hub/contracts/api/runs';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import { startTestServer, type TTestServer } from '../../api/test/support/test-server';
import { cliWorkspace, type TCliWorkspace } from './support/planning';
import { importArgs, reviewArgs } from './support/planning-args';

/**
 * Every `-o` of the CLI writes into folders that do not exist yet, as on a fresh checkout
 * (the runbook's `> tmp/audit/...json` fails there: the shell does not create tmp/audit/).
 */
let server: TTestServer;
let operator: TCliWorkspace;

beforeAll(async () => {
  server = await startTestServer({ localOperator: true });
  // A fresh working folder of its own, without tmp/, out/ or evidence/.
  operator = await cliWorkspace({ env: { PLANNING_HUB_DATA_DIR: server.dataDir } });
  const imported = await operator.planning(...importArgs(await writeBundle(), '2027-01-A', 'weekly_refresh'));
  expect(imported.code).toBe(0);
  const approved = await operator.planning(
    ...reviewArgs('weekly_refresh@draft', 'approve', { comment: 'JIRA-1' }, '--acknowledge-warnings'),
  );
  expect(approved.code).toBe(0);
});
afterAll(async () => {
  await operator?.cleanup();
  await server?.close();
});

describe('-o <file> creates the folders it needs', () => {
  it('planning events --json -o tmp/audit/<file>.json writes the API response as valid JSON, on a checkout without tmp/audit/', async () => {
    // (tmp/reports/ exists: the import wrote its report there.)
    expect(existsSync(path.join(operator.cwd, 'tmp', 'audit'))).toBe(false);
    const target = 'tmp/audit/input-set-weekly_refresh-20270105.json';
    const run = await operator.planning(
      'events',
      '--label',
      'weekly_refresh',
      '--limit',
      '100',
      '--json',
      '-o',
      target,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`✓ Wrote 2 event(s) of 'weekly_refresh' to ${target}\n`);
    const page = ZEventsResponse.parse(JSON.parse(await readFile(path.join(operator.cwd, target), 'utf8')));
    expect(page).toMatchObject({ label: 'weekly_refresh', nextCursor: null });
    expect(page.events.map((e) => e.action)).toEqual(['approve', 'upload']);
  });

  it('planning events -o writes the readable table, and --output replaces an existing file', async () => {
    const target = 'evidence/input_sets/weekly_refresh/20270105/events.txt';
    for (const limit of ['2', '1']) {
      const run = await operator.planning(
        'events',
        '--label',
        'weekly_refresh',
        '--limit',
        limit,
        '--output',
        target,
      );
      expect(run.code).toBe(0);
    }
    const lines = (await readFile(path.join(operator.cwd, target), 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME \(JST\)\s+ACTION/);
    expect(lines[1]).toMatch(/approve/);
    expect(lines[2]).toMatch(/^\(older events: --cursor \d+\)$/);
  });

  it('planning runs artifact -o and planning export -o write into new nested folders', async () => {
    const created = await operator.planning('runs', 'create', '--label', 'weekly_refresh', '--json');
    expect(created.code).toBe(0);
    const run = ZRunDetail.parse(JSON.parse(created.stdout));
    const artifact = await operator.planning(
      'runs',
      'artifact',
      run.id,
      '-o',
      'evidence/runs/2027/01/planning_input_set.json',
    );
    expect(artifact.code).toBe(0);
    const bytes = await readFile(path.join(operator.cwd, 'evidence/runs/2027/01/planning_input_set.json'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(run.sha256);

    const exported = await operator.planning(
      'export',
      '--label',
      'weekly_refresh',
      '-o',
      'out/nested/deeper/weekly_refresh',
    );
    expect(exported.code).toBe(0);
    expect(await readdir(path.join(operator.cwd, 'out/nested/deeper/weekly_refresh'))).toContain(
      'demand.csv',
    );
  });
});
