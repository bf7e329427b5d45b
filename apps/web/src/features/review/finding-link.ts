import type { TCheckFinding } from '@planning-hub/contracts/api/policy';

/**
 * The cell diff filtered to a finding's rows (docs/design.md section 11): its table, all
 * kinds, and its first key column matched exactly; a finding about a whole table (row
 * counts) opens that table.
 */
export function findingDiffHref(
  diffHref: string,
  finding: Pick<TCheckFinding, 'table' | 'keyColumns' | 'keyValues'>,
): string {
  const params = new URLSearchParams({ view: 'cells', table: finding.table, kind: 'all' });
  const column = finding.keyColumns[0];
  const value = finding.keyValues[0];
  if (column !== undefined && value !== undefined) {
    params.set('key', value);
    params.set('match', 'exact');
    params.set('key_column', column);
  }
  return `${diffHref}${diffHref.includes('?') ? '&' : '?'}${params.toString()}`;
}

/** Errors first, then warnings; otherwise in the order the checks found them. */
export function sortFindings<T extends Pick<TCheckFinding, 'severity'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
}
