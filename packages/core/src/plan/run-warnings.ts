import { RUN_WARNING_TITLES, type TRunWarning } from '@planning-hub/contracts/api/runs';
import type { TMessageParams, TRunMessageCode } from '@planning-hub/contracts/messages/catalog';
import { formatSentences } from '@planning-hub/contracts/messages/format-message';

/**
 * The warning cards of a run (docs/runbook.ja.md section 5), each with the exact commands
 * that fix it, in the order to run them. `<id>`-style placeholders are what the
 * operator fills in; everything the database knows is filled in already.
 */

/** A revision of the label that is not ready (the newest draft, the newest archived one). */
export type TOtherRevision = { revision: number; versionId: string; errorCount: number };

type TMessagePart = TRunWarning['messageParts'][number];

/** One sentence of a warning's message, its parameters checked against the catalog. */
function sentence<TCode extends TRunMessageCode>(
  messageCode: TCode,
  params: TMessageParams<TCode>,
): TMessagePart {
  return { messageCode, params };
}

/** The warning's message by code and, as stored with the run, in English. */
function messageOf(parts: TMessagePart[]): Pick<TRunWarning, 'message' | 'messageParts'> {
  return { message: formatSentences('en', parts), messageParts: parts };
}

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
  const commands = [
    'pnpm planning list --status ready',
    ...suggested.map((label) => runsCreate(label, planId)),
  ];
  if (planId) commands.push(`pnpm planning plans update ${planId} --label ${suggested[0]}`);
  commands.push(
    `pnpm planning runs note ${runId} --text "evidence: <CSV bundle path and sha256>; reason: <why no ready input set could be used>"`,
  );
  return {
    code: 'legacy_mode',
    title: RUN_WARNING_TITLES.legacy_mode,
    ...messageOf([
      planId ? sentence('run.legacy_mode.no_label_plan', {}) : sentence('run.legacy_mode.no_label', {}),
      sentence('run.legacy_mode.rerun', {}),
      readyLabels.length > 0
        ? sentence('run.legacy_mode.ready_labels', { labels: readyLabels.join(', ') })
        : sentence('run.legacy_mode.none_ready', {}),
      sentence('run.legacy_mode.evidence', {}),
    ]),
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
  if (!draft && archived)
    commands.push(`pnpm planning export --label ${label}@r${archived.revision} -o ${folder}`);
  commands.push(
    `pnpm planning import -i ${folder} --version-id ${known?.versionId ?? '<id>'} --label ${label}`,
  );
  commands.push(
    `pnpm planning review --label ${label}@draft --action approve --reviewer <id> --comment "..."`,
  );
  commands.push('pnpm planning list --status ready');
  if (planId) commands.push(`pnpm planning plans update ${planId} --label <ready label>`);
  commands.push(runsCreate(label, planId));

  let state: TMessagePart;
  if (draft) {
    const revision = { revision: draft.revision, versionId: draft.versionId };
    state =
      draft.errorCount > 0
        ? sentence('run.missing_input_set.draft_with_errors', { ...revision, errors: draft.errorCount })
        : sentence('run.missing_input_set.draft_waiting', revision);
  } else if (archived) {
    state = sentence('run.missing_input_set.archived', {
      revision: archived.revision,
      versionId: archived.versionId,
    });
  } else {
    state = sentence('run.missing_input_set.no_revisions', { folder });
  }
  return {
    code: 'missing_input_set',
    title: RUN_WARNING_TITLES.missing_input_set,
    ...messageOf([
      sentence('run.missing_input_set.no_ready', { label }),
      state,
      ...(planId ? [sentence('run.missing_input_set.relink', {})] : []),
    ]),
    commands,
  };
}
