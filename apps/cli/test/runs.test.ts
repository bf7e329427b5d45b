import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZListPlansResponse, ZPlan, ZRunDetail } from '@planning-hub/contracts/api/runs';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import type { TTestServer } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { LOCAL_PRINCIPAL, metricValue, type TCliWorkspace } from './support/planning';
import { importArgs, reviewArgs } from './support/planning-args';

/** Plans and runs through the API, as the local operator of the server's checkout. */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;

async function planningJson(...args: string[]): Promise<unknown> {
  const result = await operator.planning(...args, '--json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

const legacyRuns = async () =>
  metricValue(await (await server.fetch('/metrics')).text(), 'run_without_input_set_total{entrypoint="cli"}');
const artifactFile = (runId: string) =>
  path.join(server.workDir, 'tmp', 'artifacts', 'runs', runId, 'planning_input_set.json');

beforeAll(async () => ({ server, operator, close } = await startServerWithOperator()));
afterAll(() => close?.());

describe('planning runs / plans', () => {
  it('runs create without a label prints the Legacy mode warning and moves run_without_input_set_total{entrypoint="cli"}', async () => {
    const before = await legacyRuns();
    const result = await operator.planning('runs', 'create');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^! Run [0-9a-f-]{36} succeeded \(entrypoint cli\)/);
    expect(result.stdout).toContain('WARNING Legacy mode: This run has no input_set_label');
    expect(result.stdout).toContain('    pnpm planning list --status ready\n');
    expect(await legacyRuns()).toBe(before + 1);
  });

  it('runs create --label prints Missing InputSet with the runbook import command', async () => {
    const result = await operator.planning('runs', 'create', '--label', 'weekly_refresh');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "WARNING Missing InputSet: Input set 'weekly_refresh' has no ready revision",
    );
    expect(result.stdout).toContain(
      '    pnpm planning import -i out/planning_inputs_weekly_refresh --version-id <id> --label weekly_refresh\n',
    );
  });

  it('runs create on a ready set writes the artifact on the server and prints its sha256; runs artifact downloads and checks it', async () => {
    const imported = await operator.planning(
      ...importArgs(await writeBundle(), '2027-01-A', 'weekly_refresh'),
    );
    expect(imported.code).toBe(0);
    const approved = await operator.planning(
      ...reviewArgs('weekly_refresh@draft', 'approve', { comment: 'JIRA-1' }, '--acknowledge-warnings'),
    );
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);

    const run = ZRunDetail.parse(await planningJson('runs', 'create', '--label', 'weekly_refresh'));
    expect(run).toMatchObject({
      entrypoint: 'cli',
      status: 'succeeded',
      warnings: [],
      inputSetRevision: 1,
      createdBy: LOCAL_PRINCIPAL,
    });
    expect(
      createHash('sha256')
        .update(await readFile(artifactFile(run.id)))
        .digest('hex'),
    ).toBe(run.sha256);

    const text = await operator.planning('runs', 'show', run.id);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`✓ Run ${run.id} succeeded (entrypoint cli)`);
    expect(text.stdout).toContain(`  sha256        ${run.sha256}`);
    expect(text.stdout).toContain(`planning runs artifact ${run.id}`);
    expect(text.stdout).toContain('  shortages     0 stockout(s), 0 below safety stock');

    const downloaded = await operator.planning('runs', 'artifact', run.id, '-o', 'evidence/run.json');
    expect(downloaded.stderr).toBe('');
    expect(downloaded.code).toBe(0);
    expect(downloaded.stdout).toMatch(
      new RegExp(`^OK  evidence/run.json  sha256 ${run.sha256}  \\(\\d+ bytes\\)`),
    );
    const local = await readFile(path.join(operator.cwd, 'evidence', 'run.json'));
    expect(createHash('sha256').update(local).digest('hex')).toBe(run.sha256);
  });

  it('runs artifact exits 1 when the bytes do not match the recorded sha256', async () => {
    const run = ZRunDetail.parse(await planningJson('runs', 'create', '--label', 'weekly_refresh'));
    const file = artifactFile(run.id);
    const original = await readFile(file, 'utf8');
    // The same length, one character different: only the hash can tell.
    await writeFile(file, original.replace('"', "'"));
    const result = await operator.planning('runs', 'artifact', run.id);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`does not match the server's ${run.sha256}`);
    expect(result.stdout).toBe('');
  });

  it('refuses a reference with @ and exits 1', async () => {
    const result = await operator.planning('runs', 'create', '--label', 'weekly_refresh@draft');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: Runs use ready input sets only; 'weekly_refresh@draft' names a draft.",
    );
  });

  it('plans create, runs create --plan, plans list, plans update', async () => {
    const plan = ZPlan.parse(
      await planningJson('plans', 'create', '--name', 'weekly S&OP', '--label', 'weekly_refresh'),
    );
    expect(plan.defaultInputSetLabel).toBe('weekly_refresh');
    const run = ZRunDetail.parse(await planningJson('runs', 'create', '--plan', plan.id));
    expect(run).toMatchObject({
      planId: plan.id,
      planName: 'weekly S&OP',
      entrypoint: 'cli',
      inputSetLabel: 'weekly_refresh',
      status: 'succeeded',
    });
    const list = ZListPlansResponse.parse(await planningJson('plans', 'list'));
    expect(list.items[0]!.recentRuns[0]!.id).toBe(run.id);
    const text = await operator.planning('plans', 'list');
    expect(text.stdout).toMatch(new RegExp(`${plan.id}\\s+weekly S&OP\\s+weekly_refresh`));
    const unlinked = await operator.planning('plans', 'update', plan.id, '--unlink');
    expect(unlinked.code).toBe(0);
    expect(unlinked.stdout).toContain('label (none: runs are Legacy mode unless they name one)');
    const runs = await operator.planning('runs', 'list', '--plan', plan.id);
    expect(runs.stdout).toContain(run.id);
  });

  it('runs note keeps the Legacy mode evidence and reason', async () => {
    const legacy = ZRunDetail.parse(await planningJson('runs', 'create'));
    const noted = await operator.planning(
      'runs',
      'note',
      legacy.id,
      '--text',
      'evidence: legacy.zip sha256 abc; reason: JIRA-9',
    );
    expect(noted.code).toBe(0);
    const shown = ZRunDetail.parse(await planningJson('runs', 'show', legacy.id));
    expect(shown.note).toBe('evidence: legacy.zip sha256 abc; reason: JIRA-9');
  });
});
