import type { TProblem } from '@planning-hub/contracts/problems';
import { formatSafeCsv } from '@planning-hub/planner-files/safe-csv';

export const PROBLEMS_CSV_HEADER = ['file', 'row', 'column', 'value', 'code', 'message'] as const;

/** The problems of a report as a CSV file: one line per record, its message as the screen shows it. */
export function formatProblemsCsv(
  problems: readonly TProblem[],
  messageOf: (problem: TProblem) => string,
): string {
  return formatSafeCsv(
    PROBLEMS_CSV_HEADER,
    problems.map((problem) => [
      problem.file,
      problem.row,
      problem.column,
      problem.value,
      problem.code,
      messageOf(problem),
    ]),
  );
}
