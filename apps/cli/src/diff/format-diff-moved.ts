import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { formatToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';

/** An exact decimal with thousands separators, as typed otherwise: `1234567.25` -> `1,234,567.25`. */
export function groupDigits(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `+431`, `-70`, `0`. */
export function signedDecimal(text: string): string {
  return text.startsWith('-') || /^0+(\.0+)?$/.test(text) ? groupDigits(text) : `+${groupDigits(text)}`;
}

/** The API's percent (4 places) to 2: `+28.36%`, `-100%`, `—` when there is none (before was 0). */
export function signedPercent(percent: string | null): string {
  if (percent === null) return '—';
  const value = Number(percent);
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Math.abs(value));
  return `${value > 0 ? '+' : value < 0 ? '-' : ''}${text}%`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    `  ${r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/**
 * "What moved" in a terminal (`planning export --diff-against --by`): the totals of every
 * quantity column, then the top movers of one table by the chosen key column.
 */
export function formatDiffMoved(summary: TDiffSummaryResponse): string {
  const lines = [
    `What moved in '${summary.ref}' (r${summary.refRevision}) against '${summary.against}' (r${summary.againstRevision})`,
  ];
  if (summary.identical) return `${lines[0]}: same content hash, nothing moved`;
  const tolerances = formatToleranceParams(summary.tolerance);
  if (tolerances.length > 0)
    lines.push(`  tolerance  ${tolerances.join(', ')} (smaller changes count as unchanged)`);
  lines.push(
    ...table(
      ['column', 'before', 'after', 'delta', '%', 'added', 'removed', 'changed', 'hidden'],
      summary.totals.map((t) => [
        `${t.table}.${t.column}`,
        groupDigits(t.before),
        groupDigits(t.after),
        signedDecimal(t.delta),
        signedPercent(t.percent),
        String(t.added),
        String(t.removed),
        String(t.changed),
        String(t.hidden),
      ]),
    ),
  );
  const shown = summary.groups.length;
  lines.push('');
  lines.push(
    `Top movers by ${summary.by} (${summary.table}.${summary.column}, ${shown} of ${summary.total})`,
  );
  if (shown === 0) {
    lines.push('  none');
    return lines.join('\n');
  }
  lines.push(
    ...table(
      [summary.by, 'before', 'after', 'delta', '%', 'added', 'removed', 'changed', 'hidden'],
      summary.groups.map((g) => [
        g.key,
        groupDigits(g.before),
        groupDigits(g.after),
        signedDecimal(g.delta),
        signedPercent(g.percent),
        String(g.added),
        String(g.removed),
        String(g.changed),
        String(g.hidden),
      ]),
    ),
  );
  return lines.join('\n');
}
