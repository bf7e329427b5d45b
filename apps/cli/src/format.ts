import type { TImportReport, TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import type { TProblem } from '@planning-hub/contracts/problems';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';

const number = new Intl.NumberFormat('en-US');

export function formatRowCounts(counts: Partial<Record<string, number>>): string {
  return TABLE_NAMES.filter((t) => counts[t] !== undefined)
    .map((t) => `${t} ${number.format(counts[t] ?? 0)}`)
    .join(' · ');
}

export function formatProblem(p: TProblem): string {
  const where = [p.file, p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return `  ${p.severity === 'error' ? 'ERROR  ' : 'warning'} ${where ? `${where}: ` : ''}${p.message} [${p.code}]`;
}

const SHOWN_PROBLEMS = 30;

export function formatImportReport(report: TImportReport, reportPath: string): string {
  const lines: string[] = [];
  const { errors, warnings } = report.problemSummary;
  if (report.stored) {
    lines.push(
      `${report.ok ? '✓' : '!'} Imported '${report.label}' as draft r${report.revision} (${report.ref})${report.ok ? '' : ' marked invalid'}`,
    );
    lines.push(`  content hash  ${report.contentHash}`);
    if (report.previousContentHash) lines.push(`  replaced      draft with content hash ${report.previousContentHash}`);
  } else {
    lines.push(`✗ '${report.label}' was not stored: the bundle has ${errors} error(s). Nothing changed.`);
  }
  lines.push(`  rows          ${formatRowCounts(report.rowCounts)}`);
  const encodings = Object.entries(report.encodings).map(([f, e]) => `${f} ${e}`);
  if (encodings.length) lines.push(`  encodings     ${encodings.join(', ')}`);
  lines.push(`  problems      ${errors} error(s), ${warnings} warning(s)${report.problemSummary.truncated ? ' (list capped)' : ''}`);
  for (const problem of report.problems.slice(0, SHOWN_PROBLEMS)) lines.push(formatProblem(problem));
  if (report.problems.length > SHOWN_PROBLEMS) lines.push(`  … ${report.problems.length - SHOWN_PROBLEMS} more in the report`);
  lines.push(`  report        ${reportPath}`);
  if (report.stored && report.ok) {
    lines.push(`Next: review it in the Planning Hub (/ui/plans/input_sets/${report.label}@draft/review) or with`);
    lines.push(`  pnpm planning review --label ${report.label}@draft --action approve --reviewer <id> --comment "JIRA-123 approve by ops_lead"`);
  }
  return lines.join('\n');
}

/** A plain aligned table for terminals. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function summaryRow(s: TInputSetSummary, formatTime: (iso: string) => string): string[] {
  return [
    s.ref,
    s.status,
    `r${s.revision}`,
    s.versionId,
    number.format(s.rowCounts.demand ?? 0),
    s.errorCount ? `${s.errorCount} errors` : s.warningCount ? `${s.warningCount} warnings` : 'ok',
    formatTime(s.updatedAt),
    s.approvedBy ?? '',
  ];
}
