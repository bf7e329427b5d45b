/**
 * The sentences of a run's warning cards (docs/runbook.ja.md section 5), English. A warning's message
 * is a few of them in a row (`messageParts`); the titles `Legacy mode` and `Missing InputSet`
 * are the runbook's and stay as they are.
 */
export const RUN_MESSAGES_EN = {
  'run.legacy_mode.no_label': 'This run has no input_set_label, so it used no approved input set.',
  'run.legacy_mode.no_label_plan':
    'This run has no input_set_label (and its plan has no default label), so it used no approved input set.',
  'run.legacy_mode.rerun': 'Re-run it with a ready input set.',
  'run.legacy_mode.ready_labels': 'Ready labels: {labels}.',
  'run.legacy_mode.none_ready': 'There is no ready input set yet: import and approve one first.',
  'run.legacy_mode.evidence':
    'If it really cannot be re-run, attach the evidence of the CSV bundle that was used and the reason for the exception to the run note.',
  'run.missing_input_set.no_ready':
    "Input set '{label}' has no ready revision, so this run used no input data.",
  'run.missing_input_set.draft_with_errors':
    'Revision r{revision} (version {versionId}) is a draft with {errors} validation error(s): fix the files and import them again, then approve.',
  'run.missing_input_set.draft_waiting':
    'Revision r{revision} (version {versionId}) is a draft waiting for review: approving it is enough (re-importing replaces it first).',
  'run.missing_input_set.archived':
    'Its newest revision r{revision} (version {versionId}) is archived: export it, import it again and approve the draft.',
  'run.missing_input_set.no_revisions':
    'The label has no revisions in the database: re-import its last export ({folder}) and approve it.',
  'run.missing_input_set.relink': 'Or re-link the plan to another ready input set.',
  /** A warning stored before warnings had message codes: its English message as it was. */
  'run.as_recorded': '{message}',
} as const;
