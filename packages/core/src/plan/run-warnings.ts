import { RUN_WARNING_TITLES, type TRunWarning } from '@planning-hub/contracts/api/runs';

/**
 * The warning cards of a run (runbook section 5), each with the exact commands
 * that fix it, in the order to run them. `<id>`-style placeholders are what the
 * operator fills in; everything the database knows is filled in already.
 */

/** A revision of the label that is not ready (the newest draft, the newest archived one). */
export type TOtherRevision = { revision: number; versionId: string; errorCount: number };

const runsCreate = (label: string, planId: string | null) =>
  `pnpm planning runs create${planId ? ` --plan ${planId}` : ''} --label ${label}`;

/**
 * Legacy mode: the run names no label (nor does its plan). Fix: re-run with a
 * ready label; if that is impossible, put the CSV evidence and the reason in the run note.
 */
export function legacyModeWarning({
  runId,
  planId,
  readyLabels,
}: {
  runId: string;
  planId: string | null;
  /** Some ready labels to suggest, in display order. */
  readyLabels: readonly string[];
}): TRunWarning {
  const suggested = readyLabels.length > 0 ? readyLabels : ['<ready label>'];
  const commands = ['pnpm planning list --status ready', ...suggested.map((label) => runsCreate(label, planId))];
  if (planId) commands.push(`pnpm planning plans update ${planId} --label ${suggested[0]}`);
  commands.push(
    `pnpm planning runs note ${runId} --text "evidence: <CSV bundle path and sha256>; reason: <why no ready input set could be used>"`,
  );
  const available =
    readyLabels.length > 0 ? `Ready labels: ${readyLabels.join(', ')}.` : 'There is no ready input set yet: import and approve one first.';
  return {
    code: 'legacy_mode',
    title: RUN_WARNING_TITLES.legacy_mode,
    message:
      `This run has no input_set_label${planId ? ' (and its plan has no default label)' : ''}, so it used no approved input set. ` +
      `Re-run it with a ready input set. ${available} ` +
      'If it really cannot be re-run, attach the evidence of the CSV bundle that was used and the reason for the exception to the run note.',
    commands,
  };
}

/**
 * Missing InputSet: the label has no ready revision. Fix: re-import the label's
 * last export (from its newest archived revision if that is all there is) and
 * approve the draft, or re-link the plan to another ready set.
 */
export function missingInputSetWarning({
  label,
  planId,
  draft,
  archived,
}: {
  label: string;
  planId: string | null;
  draft: TOtherRevision | null;
  archived: TOtherRevision | null;
}): TRunWarning {
  const known = draft ?? archived;
  const folder = `out/planning_inputs_${label}`;
  const commands: string[] = [];
  if (!draft && archived) commands.push(`pnpm planning export --label ${label}@r${archived.revision} -o ${folder}`);
  commands.push(`pnpm planning import -i ${folder} --version-id ${known?.versionId ?? '<id>'} --label ${label}`);
  commands.push(`pnpm planning review --label ${label}@draft --action approve --reviewer <id> --comment "..."`);
  commands.push('pnpm planning list --status ready');
  if (planId) commands.push(`pnpm planning plans update ${planId} --label <ready label>`);
  commands.push(runsCreate(label, planId));

  let state: string;
  if (draft) {
    state =
      draft.errorCount > 0
        ? `Revision r${draft.revision} (version ${draft.versionId}) is a draft with ${draft.errorCount} validation error(s): fix the files and import them again, then approve.`
        : `Revision r${draft.revision} (version ${draft.versionId}) is a draft waiting for review: approving it is enough (re-importing replaces it first).`;
  } else if (archived) {
    state = `Its newest revision r${archived.revision} (version ${archived.versionId}) is archived: export it, import it again and approve the draft.`;
  } else {
    state = `The label has no revisions in the database: re-import its last export (${folder}) and approve it.`;
  }
  return {
    code: 'missing_input_set',
    title: RUN_WARNING_TITLES.missing_input_set,
    message:
      `Input set '${label}' has no ready revision, so this run used no input data. ${state}` +
      (planId ? ' Or re-link the plan to another ready input set.' : ''),
    commands,
  };
}
