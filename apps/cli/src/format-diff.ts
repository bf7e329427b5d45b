import type { TDiffJobState, TDiffResult } from '@planning-hub/contracts/api/diff';

const number = new Intl.NumberFormat('en-US');

/** The per-table summary of a diff, as a terminal table; the cache file is the server's (docs/runbook.ja.md section 6). */
export function formatDiffSummary(result: TDiffResult): string {
  const header = ['table', 'added', 'removed', 'changed', 'unchanged'];
  const rows: (string | number)[][] = result.summary.map((s) => [
    s.table,
    s.added,
    s.removed,
    s.changed,
    s.unchanged,
  ]);
  const t = result.totals;
  rows.push(['total', t.added, t.removed, t.changed, t.unchanged]);
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? number.format(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [
    `✓ Diff of '${result.ref}' (r${result.refRevision}) against '${result.against}' (r${result.againstRevision})` +
      (result.identical ? ': same content hash, nothing changed' : ''),
    line(header),
    ...cells.map(line),
    `  cache  ${result.cacheFile} (in the server's work folder; delete it to recompute)`,
  ].join('\n');
}

/** One line on the state of a diff job while the CLI waits for it. */
export function formatDiffJobState(job: TDiffJobState): string {
  const attempt = job.attempts > 0 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : '';
  return `diff of '${job.ref}' against '${job.against}': ${job.state}${attempt}…`;
}
