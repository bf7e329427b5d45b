import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZListPlansResponse, ZPlan, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { writeBundle } from '../../../packages/server/test/support/bundle-files';
import { createTestDatabase } from '../../../packages/server/test/support/test-database';
import { runPlanning } from './support/planning';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workDir: string;

const planning = (...args: string[]) => runPlanning(args, { databaseUrl: database.url, workDir });

async function planningJson(...args: string[]): Promise<unknown> {
  const result = await planning(...args, '--json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-cli-runs-'));
});
afterAll(async () => {
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('planning runs / plans', () => {
  it('runs create without a label prints the Legacy mode warning with its fix commands', async () => {
    const result = await planning('runs', 'create');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^! Run [0-9a-f-]{36} succeeded \(entrypoint cli\)/);
    expect(result.stdout).toContain('WARNING Legacy mode: This run has no input_set_label');
    expect(result.stdout).toContain('    pnpm planning list --status ready\n');
  });

  it('runs create --label prints Missing InputSet with the runbook import command', async () => {
    const result = await planning('runs', 'create', '--label', 'weekly_refresh');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("WARNING Missing InputSet: Input set 'weekly_refresh' has no ready revision");
    expect(result.stdout).toContain('    pnpm planning import -i out/planning_inputs_weekly_refresh --version-id <id> --label weekly_refresh\n');
  });

  it('runs create on a ready set writes the artifact under tmp/artifacts and prints its sha256', async () => {
    const imported = await planning('import', '-i', await writeBundle(), '--version-id', '2027-01-A', '--label', 'weekly_refresh');
    expect(imported.code).toBe(0);
    const clients = createDatabaseClients(database.url, 2);
    try {
      const { pool } = clients;
      await approveDraft({ pool, ref: 'weekly_refresh@draft', reviewer: 'ops_lead', comment: 'JIRA-1', acknowledgeWarnings: true, actor: systemActor('test') });
    } finally {
      await clients.close();
    }

    const run = ZRunDetail.parse(await planningJson('runs', 'create', '--label', 'weekly_refresh'));
    expect(run).toMatchObject({ entrypoint: 'cli', status: 'succeeded', warnings: [], inputSetRevision: 1 });
    const file = path.join(workDir, 'tmp', 'artifacts', 'runs', run.id, 'planning_input_set.json');
    expect(createHash('sha256').update(await readFile(file)).digest('hex')).toBe(run.sha256);
    expect(run.createdBy).toMatch(/^cli:/);

    const text = await planning('runs', 'show', run.id);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`✓ Run ${run.id} succeeded (entrypoint cli)`);
    expect(text.stdout).toContain(`  sha256        ${run.sha256}`);
    expect(text.stdout).toContain('  shortages     0 stockout(s), 0 below safety stock');
  });

  it('refuses a reference with @ and exits 1', async () => {
    const result = await planning('runs', 'create', '--label', 'weekly_refresh@draft');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: Runs use ready input sets only; 'weekly_refresh@draft' names a draft.");
  });

  it('plans create, runs create --plan, plans list', async () => {
    const plan = ZPlan.parse(await planningJson('plans', 'create', '--name', 'weekly S&OP', '--label', 'weekly_refresh'));
    expect(plan.defaultInputSetLabel).toBe('weekly_refresh');
    const run = ZRunDetail.parse(await planningJson('runs', 'create', '--plan', plan.id));
    expect(run).toMatchObject({ planId: plan.id, planName: 'weekly S&OP', entrypoint: 'cli', inputSetLabel: 'weekly_refresh', status: 'succeeded' });
    const list = ZListPlansResponse.parse(await planningJson('plans', 'list'));
    expect(list.items[0]!.recentRuns[0]!.id).toBe(run.id);
    const text = await planning('plans', 'list');
    expect(text.stdout).toMatch(new RegExp(`${plan.id}\\s+weekly S&OP\\s+weekly_refresh`));
  });

  it('runs note keeps the Legacy mode evidence and reason', async () => {
    const legacy = ZRunDetail.parse(await planningJson('runs', 'create'));
    const noted = await planning('runs', 'note', legacy.id, '--text', 'evidence: legacy.zip sha256 abc; reason: JIRA-9');
    expect(noted.code).toBe(0);
    const shown = ZRunDetail.parse(await planningJson('runs', 'show', legacy.id));
    expect(shown.note).toBe('evidence: legacy.zip sha256 abc; reason: JIRA-9');
  });
});
