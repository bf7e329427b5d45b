import { PROBLEM_CODES, type TProblemCode } from '@planning-hub/contracts/problems';
import type { TPeriodGranularity, TRow, TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from './bundle-context';
import { createColumnChecker } from './column-checkers';
import { createNaturalKeyIndex } from './natural-key-index';
import { quote, type TProblemList } from './problem-list';
import { RULES_BY_TABLE } from './rules/rules-by-table';
import type { TRowReport } from './rules/table-rules';

export type TTableValidator = {
  /**
   * Validates one row. `cells` are in spec column order: `undefined` for a column
   * the file lacks, `''` for an empty cell. `hasReportedError` when the reader
   * already reported an error for this row (e.g. a JSON cell of the wrong type).
   */
  validateRow: (
    cells: readonly (string | undefined)[],
    line: number | null,
    hasReportedError?: boolean,
  ) => void;
  /** Runs the table's aggregate rules (e.g. mix shares summing to 1). */
  finish: () => void;
};

/**
 * The generic column validator driven by TABLE_SPECS, plus the table's own rules
 * (validation/rules). A row with no error is handed to `onValidRow` as canonical
 * strings with every column present (defaults applied); a row with any error
 * never is. Only the natural keys seen are kept, to find duplicates.
 */
export function createTableValidator(options: {
  spec: TTableSpec;
  file: string;
  context: TBundleContext;
  problems: TProblemList;
  presentColumns: ReadonlySet<string>;
  /** Whether every required column is present: rows of an incomplete table are checked, never delivered. */
  isComplete: boolean;
  granularity: TPeriodGranularity | null;
  /** A guess of the row count (from the file size), to size the duplicate-key index. */
  expectedRows?: number;
  onValidRow: (row: TRow) => void;
}): TTableValidator {
  const { spec, file, problems, isComplete, onValidRow } = options;
  const columns = spec.columns;
  const names = columns.map((column) => column.name);
  const checkers = columns.map((column) => createColumnChecker(column, options.granularity));
  const keyIndexes = spec.key.map((key) => names.indexOf(key));
  const keyIndex = createNaturalKeyIndex(keyIndexes, options.expectedRows);
  const rules = RULES_BY_TABLE[spec.name]({
    context: options.context,
    spec,
    presentColumns: options.presentColumns,
  });
  const values: (string | null | undefined)[] = new Array<string | null | undefined>(columns.length);

  let currentLine: number | null = null;
  let hasRowError = false;
  const report: TRowReport = (code, column, value, message) => {
    if (PROBLEM_CODES[code] === 'error') hasRowError = true;
    problems.add({ code, table: spec.name, file, row: currentLine, column, value, message });
  };
  const reportIssue = (code: TProblemCode, column: string, value: string, message: string) =>
    report(code, column, value, message);

  function checkDuplicateKey(): void {
    const firstLine = keyIndex.add(values, currentLine);
    if (firstLine === undefined) return;
    const described = keyIndexes
      .map((index) => `${names[index]} ${quote(values[index] as string)}`)
      .join(', ');
    report(
      'duplicate_key',
      spec.key.join(','),
      keyIndexes.map((index) => values[index]).join(', '),
      `This row repeats the key ${described} of ${firstLine === null ? 'an earlier entry' : `line ${firstLine}`}; keep one row per key.`,
    );
  }

  return {
    validateRow(cells, line, hasReportedError = false) {
      currentLine = line;
      hasRowError = hasReportedError || !isComplete;
      for (let i = 0; i < columns.length; i++) {
        const text = cells[i];
        if (text === undefined || text === '') {
          const column = columns[i]!;
          if (column.required) {
            values[i] = undefined;
            if (text === '') {
              reportIssue('wrong_type', column.name, '', `${column.name} is empty; every row needs a value.`);
            }
          } else values[i] = column.defaultValue ?? null;
          continue;
        }
        const value = checkers[i]!.canonical(text);
        if (value === undefined) {
          const issue = checkers[i]!.describe(text);
          reportIssue(issue.code, names[i]!, text, issue.message);
        }
        values[i] = value;
      }
      checkDuplicateKey();
      rules.checkRow?.(values, line, report);
      if (hasRowError) return;
      const row: TRow = {};
      for (let i = 0; i < columns.length; i++) row[names[i]!] = values[i] as string | null;
      onValidRow(row);
    },
    finish() {
      rules.finish?.((problem) => problems.add({ ...problem, table: spec.name, file }));
    },
  };
}
