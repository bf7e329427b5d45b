import { describe, expect, it } from 'vitest';
import { legacyModeWarning, missingInputSetWarning } from './run-warnings';

const runId = '6f1c2a8e-0000-4000-8000-000000000001';
const planId = '0b7d1f7a-0000-4000-8000-000000000002';

describe('legacyModeWarning', () => {
  it('offers a re-run with each ready label and the run note for the exception', () => {
    const warning = legacyModeWarning({ runId, planId: null, readyLabels: ['monthly', 'weekly_refresh'] });
    expect(warning).toMatchObject({ code: 'legacy_mode', title: 'Legacy mode' });
    expect(warning.commands).toEqual([
      'pnpm planning list --status ready',
      'pnpm planning runs create --label monthly',
      'pnpm planning runs create --label weekly_refresh',
      `pnpm planning runs note ${runId} --text "evidence: <CSV bundle path and sha256>; reason: <why no ready input set could be used>"`,
    ]);
    expect(warning.message).toContain('Ready labels: monthly, weekly_refresh.');
    expect(warning.message).toContain(
      'attach the evidence of the CSV bundle that was used and the reason for the exception to the run note',
    );
  });

  it('links the plan when the run came from one, with a placeholder when nothing is ready', () => {
    const warning = legacyModeWarning({ runId, planId, readyLabels: [] });
    expect(warning.commands).toContain(`pnpm planning runs create --plan ${planId} --label <ready label>`);
    expect(warning.commands).toContain(`pnpm planning plans update ${planId} --label <ready label>`);
    expect(warning.message).toContain('There is no ready input set yet');
  });
});

describe('missingInputSetWarning', () => {
  it('gives the runbook import command with placeholders when the label never existed', () => {
    const warning = missingInputSetWarning({
      label: 'weekly_refresh',
      planId: null,
      draft: null,
      archived: null,
    });
    expect(warning).toMatchObject({ code: 'missing_input_set', title: 'Missing InputSet' });
    expect(warning.commands).toEqual([
      'pnpm planning import -i out/planning_inputs_weekly_refresh --version-id <id> --label weekly_refresh',
      'pnpm planning review --label weekly_refresh@draft --action approve --reviewer <id> --comment "..."',
      'pnpm planning list --status ready',
      'pnpm planning runs create --label weekly_refresh',
    ]);
  });

  it('fills in the version id of the draft and says approving it is enough', () => {
    const draft = { revision: 3, versionId: '2027-W05', errorCount: 0 };
    const warning = missingInputSetWarning({ label: 'weekly_refresh', planId: null, draft, archived: null });
    expect(warning.commands[0]).toBe(
      'pnpm planning import -i out/planning_inputs_weekly_refresh --version-id 2027-W05 --label weekly_refresh',
    );
    expect(warning.message).toContain('r3 (version 2027-W05) is a draft waiting for review');
  });

  it('exports the newest archived revision into the folder the import reads', () => {
    const archived = { revision: 2, versionId: '2027-W01', errorCount: 0 };
    const warning = missingInputSetWarning({ label: 'weekly_refresh', planId, draft: null, archived });
    expect(warning.commands.slice(0, 2)).toEqual([
      'pnpm planning export --label weekly_refresh@r2 -o out/planning_inputs_weekly_refresh',
      'pnpm planning import -i out/planning_inputs_weekly_refresh --version-id 2027-W01 --label weekly_refresh',
    ]);
    expect(warning.commands).toContain(`pnpm planning plans update ${planId} --label <ready label>`);
    expect(warning.commands.at(-1)).toBe(`pnpm planning runs create --plan ${planId} --label weekly_refresh`);
  });
});
