import type { TImportReport, TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import { problemMessageParams } from '@planning-hub/contracts/problem-message-params';
import type { TProblem } from '@planning-hub/contracts/problems';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { cliLanguage } from './cli-language';
import { cliText } from './cli-text';

const number = new Intl.NumberFormat('en-US');

export function formatRowCounts(counts: Partial<Record<string, number>>): string {
  return TABLE_NAMES.filter((t) => counts[t] !== undefined)
    .map((t) => `${t} ${number.format(counts[t] ?? 0)}`)
    .join(' · ');
}

/** A validation problem's message in the CLI's language, from its code; its English text if the code is unknown. */
export function problemText(p: TProblem): string {
  return formatMessageOf(cliLanguage(), p.messageCode, problemMessageParams(p)) ?? p.message;
}

export function formatProblem(p: TProblem): string {
  const where = [
    p.file,
    p.row !== null ? cliText('cli.problem.row', { row: p.row }) : null,
    p.column ? cliText('cli.problem.column', { column: p.column }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const severity = cliText(`cli.problem.${p.severity}`, {});
  return `  ${severity} ${where ? `${where}: ` : ''}${problemText(p)} [${p.code}]`;
}

const SHOWN_PROBLEMS = 30;

export function formatImportReport(report: TImportReport, reportPath: string): string {
  const lines: string[] = [];
  const { errors, warnings } = report.problemSummary;
  if (report.stored) {
    const stored = { label: report.label, revision: String(report.revision), ref: String(report.ref) };
    lines.push(
      report.ok ? cliText('cli.import.stored', stored) : cliText('cli.import.stored_invalid', stored),
    );
    lines.push(cliText('cli.import.content_hash', { hash: String(report.contentHash) }));
    if (report.previousContentHash)
      lines.push(cliText('cli.import.replaced', { hash: report.previousContentHash }));
  } else {
    lines.push(cliText('cli.import.not_stored', { label: report.label, errors }));
  }
  lines.push(cliText('cli.import.rows', { counts: formatRowCounts(report.rowCounts) }));
  const encodings = Object.entries(report.encodings).map(([f, e]) => `${f} ${e}`);
  if (encodings.length) lines.push(cliText('cli.import.encodings', { encodings: encodings.join(', ') }));
  lines.push(
    report.problemSummary.truncated
      ? cliText('cli.import.problems_capped', { errors, warnings })
      : cliText('cli.import.problems', { errors, warnings }),
  );
  for (const problem of report.problems.slice(0, SHOWN_PROBLEMS)) lines.push(formatProblem(problem));
  if (report.problems.length > SHOWN_PROBLEMS)
    lines.push(cliText('cli.import.more', { count: report.problems.length - SHOWN_PROBLEMS }));
  lines.push(cliText('cli.import.report', { path: reportPath }));
  if (report.stored && report.ok) {
    lines.push(cliText('cli.import.next', { label: report.label }));
    lines.push(
      `  pnpm planning review --label ${report.label}@draft --action approve --reviewer <id> --comment "JIRA-123 approve by ops_lead"`,
    );
  }
  return lines.join('\n');
}

/** A plain aligned table for terminals. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
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
