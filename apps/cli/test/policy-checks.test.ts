import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import {
  DEFAULT_POLICY,
  ZChecksResponse,
  ZLabelPolicy,
  ZPutPolicyResponse,
} from '@planning-hub/contracts/api/policy';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import type { TTestServer } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { LOCAL_PRINCIPAL, cliWorkspace, type TCliWorkspace } from './support/planning';
import { reviewArgs } from './support/planning-args';

/** `planning policy show|set` and `planning checks` (docs/design.md section 11), as the local operator (an admin). */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;

const TRIPLED =
  'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,301.50,pcs\n部品-001,東京,2027-02,240,pcs\n0123,OSAKA,2027-02,20,\n';

beforeAll(async () => ({ server, operator, close } = await startServerWithOperator()));
afterAll(() => close?.());

describe('planning policy', () => {
  it('shows the default policy, sets a new version from a file (the show --json output works too) with a policy_update event', async () => {
    const shown = await operator.planning('policy', 'show', '--label', 'cli_gates', '--json');
    expect(shown.code).toBe(0);
    const current = ZLabelPolicy.parse(JSON.parse(shown.stdout));
    expect(current).toMatchObject({ version: 0, isDefault: true, policy: DEFAULT_POLICY });

    const file = path.join(operator.cwd, 'policy.json');
    current.policy.checks.quantity_outlier.ratio = 2.5;
    current.policy.diff_tolerance = { demand: { quantity: { relative: 0.5 } } };
    await writeFile(file, JSON.stringify(current));
    const set = await operator.planning('policy', 'set', '--label', 'cli_gates', '-f', file, '--json');
    expect(set.stderr).toBe('');
    const stored = ZPutPolicyResponse.parse(JSON.parse(set.stdout));
    expect(stored).toMatchObject({
      version: 1,
      updatedBy: LOCAL_PRINCIPAL,
      event: { action: 'policy_update' },
    });

    const text = await operator.planning('policy', 'show', '--label', 'cli_gates');
    expect(text.stdout).toContain("Policy of 'cli_gates': version 1");
    expect(text.stdout).toMatch(/quantity_outlier\s+on\s+warning\s+×2\.5/);
    expect(text.stdout).toContain('demand.quantity:0.5%');

    const events = ZEventsResponse.parse(
      JSON.parse((await operator.planning('events', '--label', 'cli_gates', '--json')).stdout),
    );
    expect(events.events[0]).toMatchObject({
      action: 'policy_update',
      metadata: { version: 1, previous_version: 0 },
    });
  });

  it('refuses a file that is not a policy, naming the field, with exit 1', async () => {
    const file = path.join(operator.cwd, 'bad-policy.json');
    await writeFile(
      file,
      JSON.stringify({
        ...DEFAULT_POLICY,
        checks: { ...DEFAULT_POLICY.checks, mixed_uom: { enabled: 'yes', severity: 'warning' } },
      }),
    );
    const run = await operator.planning('policy', 'set', '--label', 'cli_gates', '-f', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mixed_uom');
  });
});

describe('planning checks', () => {
  it('says the first revision has nothing to compare with, then lists the finding of a tripled demand in English and Japanese', async () => {
    await importDraft(server.runtime.db.pool, 'cli_checks');
    const first = await operator.planning('checks', '--label', 'cli_checks@draft');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "'cli_checks' has no ready revision to compare with; comparing checks skipped.",
    );
    expect(first.stdout).toContain('No findings.');

    const approved = await operator.planning(
      ...reviewArgs('cli_checks@draft', 'approve', { comment: 'JIRA-17' }),
    );
    expect(approved.code).toBe(0);
    await importDraft(server.runtime.db.pool, 'cli_checks', {
      overrides: { 'demand.csv': TRIPLED },
      versionId: 'B',
    });

    const json = ZChecksResponse.parse(
      JSON.parse((await operator.planning('checks', '--label', 'cli_checks@draft', '--json')).stdout),
    );
    expect(json).toMatchObject({ warnings: 1, comparedWith: { ref: 'cli_checks@r1' } });
    const text = await operator.planning('checks', '--label', 'cli_checks@draft');
    expect(text.stdout).toContain(
      "Total demand of item '部品-001' went from 180.5 to 541.5 (+200.0%; the policy allows ±50%).",
    );
    const ja = await operator.planning('checks', '--label', 'cli_checks@draft', '--lang', 'ja');
    expect(ja.stdout).toContain('品目「部品-001」の需要合計が 180.5 から 541.5 に変わりました');

    const refused = await operator.planning(
      ...reviewArgs('cli_checks@draft', 'approve', { comment: 'JIRA-17' }),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('check finding(s) of severity warning');
    const run = await operator.planning(
      ...reviewArgs('cli_checks@draft', 'approve', { comment: 'read' }, '--acknowledge-warnings', '--json'),
    );
    expect(run.code).toBe(0);
    const approveEvent = JSON.parse(run.stdout).events.find(
      (e: { action: string }) => e.action === 'approve',
    );
    expect(approveEvent.metadata.acknowledged_findings).toEqual([json.findings[0]!.id]);
  });
});

describe('with a planner token (not an admin)', () => {
  it('reads the checks and the policy, and is refused setting the policy (exit 1, nothing written)', async () => {
    const planner = await server.createUserWithToken('planner');
    const cli = await cliWorkspace({
      env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: planner.token },
    });
    try {
      await importDraft(server.runtime.db.pool, 'cli_planner_gates');
      const checks = await cli.planning('checks', '--label', 'cli_planner_gates@draft', '--json');
      expect(checks.code).toBe(0);
      expect(ZChecksResponse.parse(JSON.parse(checks.stdout)).label).toBe('cli_planner_gates');
      const shown = await cli.planning('policy', 'show', '--label', 'cli_planner_gates', '--json');
      expect(shown.code).toBe(0);
      const file = path.join(cli.cwd, 'policy.json');
      await writeFile(file, JSON.stringify(ZLabelPolicy.parse(JSON.parse(shown.stdout)).policy));
      const set = await cli.planning('policy', 'set', '--label', 'cli_planner_gates', '-f', file);
      expect(set.code).toBe(1);
      const after = await cli.planning('policy', 'show', '--label', 'cli_planner_gates', '--json');
      expect(ZLabelPolicy.parse(JSON.parse(after.stdout)).version).toBe(0);
    } finally {
      await cli.cleanup();
    }
  });
});
