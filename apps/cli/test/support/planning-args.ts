/**
 * The argument lists the CLI tests type most, spelled once. A test reads
 * `operator.planning(...importArgs(dir, '2027-01-A', 'weekly_refresh'))` as the runbook's
 * `planning import -i <dir> --version-id 2027-01-A --label weekly_refresh`.
 */

/** `import -i <input> --version-id <versionId> --label <label>`, then `extra` (--json, --server, ...). */
export function importArgs(input: string, versionId: string, label: string, ...extra: string[]): string[] {
  return ['import', '-i', input, '--version-id', versionId, '--label', label, ...extra];
}

/**
 * `review --label <ref> --action <action>`, `--reviewer <id>` and `--comment <text>` when given,
 * then `extra` (--acknowledge-warnings, --json, ...).
 */
export function reviewArgs(
  ref: string,
  action: 'approve' | 'revert' | 'archive',
  { reviewer, comment }: { reviewer?: string; comment?: string },
  ...extra: string[]
): string[] {
  return [
    'review',
    '--label',
    ref,
    '--action',
    action,
    ...(reviewer === undefined ? [] : ['--reviewer', reviewer]),
    ...(comment === undefined ? [] : ['--comment', comment]),
    ...extra,
  ];
}
