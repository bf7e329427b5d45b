import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import type { TProblem, TProblemCode } from '@planning-hub/contracts/problems';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';

/**
 * What a draft marked invalid kept of one table with errors. The server stores only the
 * rows that passed (a row with any error is left out), so `rowCounts` are the rows kept.
 * The rows read are not in the report; they are known only when every left-out row is
 * listed, so the page says no more than the problems prove:
 * - `missing`: the file was not in the bundle;
 * - `exact`: kept `kept` of `read` rows, the other `rejected` had errors;
 * - `atLeast`: the problem list was capped, so at least `rejected` rows had errors;
 * - `wholeFile`: the file failed as a whole (header, empty file): none of its rows are kept;
 * - `tableRule`: the errors concern the table as a whole (a share sum), its rows were kept.
 */
export type TKeptRows =
  | { table: TTableName; kind: 'missing' }
  | { table: TTableName; kind: 'exact'; kept: number; read: number; rejected: number }
  | { table: TTableName; kind: 'atLeast'; kept: number; rejected: number }
  | { table: TTableName; kind: 'wholeFile'; kept: number }
  | { table: TTableName; kind: 'tableRule'; kept: number };

/** Errors of the file as a whole: "rows of an incomplete table are checked, never delivered" (core's table validator). */
const WHOLE_FILE_CODES: ReadonlySet<TProblemCode> = new Set([
  'missing_column',
  'duplicate_column',
  'empty_file',
]);

/**
 * Errors that carry a row but leave it in: mix_share_sum is reported on the first row of a
 * resource once every row was read, so it rejects no row of its own.
 */
const TABLE_RULE_CODES: ReadonlySet<TProblemCode> = new Set(['mix_share_sum']);

/** Codes whose list the server cut at MAX_PROBLEMS_PER_CODE: their rows are not all listed. */
function cappedCodes(report: Pick<TImportReport, 'problems' | 'problemSummary'>): Set<string> {
  const listed = new Map<string, number>();
  for (const problem of report.problems) listed.set(problem.code, (listed.get(problem.code) ?? 0) + 1);
  const capped = new Set<string>();
  for (const [code, count] of Object.entries(report.problemSummary.byCode)) {
    if (count > (listed.get(code) ?? 0)) capped.add(code);
  }
  return capped;
}

function describeTable(
  table: TTableName,
  errors: readonly TProblem[],
  kept: number,
  capped: ReadonlySet<string>,
): TKeptRows {
  if (errors.some((problem) => problem.code === 'missing_file')) return { table, kind: 'missing' };
  if (errors.some((problem) => WHOLE_FILE_CODES.has(problem.code))) return { table, kind: 'wholeFile', kept };
  const rowErrors = errors.filter((problem) => problem.row !== null && !TABLE_RULE_CODES.has(problem.code));
  const rejected = new Set(rowErrors.map((problem) => `${problem.file ?? ''}\u0000${problem.row}`)).size;
  if (rejected === 0) return { table, kind: 'tableRule', kept };
  if (rowErrors.some((problem) => capped.has(problem.code)))
    return { table, kind: 'atLeast', kept, rejected };
  return { table, kind: 'exact', kept, read: kept + rejected, rejected };
}

/** Every table with errors, in bundle order, and what the draft kept of it. */
export function describeKeptRows(
  report: Pick<TImportReport, 'problems' | 'problemSummary' | 'rowCounts'>,
): TKeptRows[] {
  const capped = cappedCodes(report);
  const result: TKeptRows[] = [];
  for (const table of TABLE_NAMES) {
    const errors = report.problems.filter(
      (problem) => problem.severity === 'error' && problem.table === table,
    );
    if (errors.length === 0) continue;
    result.push(describeTable(table, errors, report.rowCounts[table] ?? 0, capped));
  }
  return result;
}
