import { PROBLEM_CODES, type TProblemCode } from '@planning-hub/contracts/problems';
import type { TPeriodGranularity, TTableSpec } from '@planning-hub/contracts/tables';
import type { TValidRow } from '../bundle/row-batcher';
import type { TBundleContext } from './bundle-context';
import type { THeaderMapping } from './resolve-header';
import { createColumnChecker } from './column-checkers';
import { createDuplicateKeyCheck, OUT_OF_ORDER } from './duplicate-key-check';
import { problemMessage, shorten, type TProblemList, type TProblemMessage } from './problem-list';
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
  /**
   * With `trackKeyOrder`: the line of the first row whose key is out of natural
   * key order, while its row (and every later one) waits for the keys before it
   * to be replayed; null otherwise.
   */
  replayLine: () => number | null;
  /** Records the key of a row before `replayLine` (the file read again; cells as for validateRow). */
  replayKey: (cells: readonly (string | undefined)[], line: number) => void;
  /** After the replay: checks and delivers the rows that waited. */
  resume: () => void;
  /** Runs the table's aggregate rules (e.g. mix shares summing to 1). */
  finish: () => void;
};

type TValues = (string | null | undefined)[];

/**
 * The generic column validator driven by TABLE_SPECS, plus the table's own rules
 * (validation/rules). A row with no error is handed to `onValidRow` as its canonical
 * cells in spec column order (defaults applied; the array is the caller's to keep); a row with any error
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
  /**
   * Check duplicates in constant memory while rows come in key order; the caller
   * can read the file again (see replayLine). Otherwise every key is indexed.
   */
  trackKeyOrder?: boolean;
  onValidRow: (row: TValidRow) => void;
}): TTableValidator {
  const { spec, file, problems, isComplete, onValidRow } = options;
  const columns = spec.columns;
  const names = columns.map((column) => column.name);
  const checkers = columns.map((column) => createColumnChecker(column, options.granularity));
  const keyIndexes = spec.key.map((key) => names.indexOf(key));
  const keyCheck = createDuplicateKeyCheck(keyIndexes, {
    expectedRows: options.expectedRows,
    trackOrder: options.trackKeyOrder ?? false,
  });
  const rules = RULES_BY_TABLE[spec.name]({
    context: options.context,
    spec,
    presentColumns: options.presentColumns,
  });
  let values: TValues = new Array<string | null | undefined>(columns.length);
  const replayValues: TValues = new Array<string | null | undefined>(columns.length);
  let replayLine: number | null = null;
  const waiting: { values: TValues; line: number | null; hasRowError: boolean }[] = [];

  let currentLine: number | null = null;
  let hasRowError = false;
  const report: TRowReport = (code, column, value, detail) => {
    if (PROBLEM_CODES[code] === 'error') hasRowError = true;
    problems.add({ code, table: spec.name, file, row: currentLine, column, value, detail });
  };
  const reportIssue = (code: TProblemCode, column: string, value: string, detail: TProblemMessage) =>
    report(code, column, value, detail);

  /** Whether the row can go on; false when it must wait for the replay of earlier keys. */
  function checkDuplicateKey(): boolean {
    const firstLine = keyCheck.add(values, currentLine);
    if (firstLine === OUT_OF_ORDER) {
      replayLine = currentLine ?? 0;
      return false;
    }
    if (firstLine === undefined) return true;
    const key = keyIndexes.map((index) => `${names[index]} '${shorten(values[index] as string)}'`).join(', ');
    report(
      'duplicate_key',
      spec.key.join(','),
      keyIndexes.map((index) => values[index]).join(', '),
      firstLine === null
        ? problemMessage('problem.duplicate_key.no_line', { key })
        : problemMessage('problem.duplicate_key', { key, firstLine }),
    );
    return true;
  }

  /** The value of column i as validateRow stores it, without reporting anything. */
  function valueOf(i: number, text: string | undefined): string | null | undefined {
    if (text === undefined || text === '')
      return columns[i]!.required ? undefined : (columns[i]!.defaultValue ?? null);
    return checkers[i]!.canonical(text);
  }

  /** Duplicate key, the table's row rules, delivery: everything after the cell checks. */
  function finishRow(): void {
    if (replayLine === null && !checkDuplicateKey()) {
      waiting.push({ values, line: currentLine, hasRowError });
      values = new Array<string | null | undefined>(columns.length);
      return;
    }
    rules.checkRow?.(values, currentLine, report);
    if (hasRowError) return;
    // A valid row has a value (or null) in every column: hand the array over and start a new one.
    onValidRow(values as TValidRow);
    values = new Array<string | null | undefined>(columns.length);
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
              reportIssue('wrong_type', column.name, '', problemMessage('problem.wrong_type.empty', {}));
            }
          } else values[i] = column.defaultValue ?? null;
          continue;
        }
        const value = checkers[i]!.canonical(text);
        if (value === undefined) {
          const issue = checkers[i]!.describe(text);
          reportIssue(issue.code, names[i]!, text, issue.detail);
        }
        values[i] = value;
      }
      if (replayLine !== null) {
        waiting.push({ values, line, hasRowError });
        values = new Array<string | null | undefined>(columns.length);
        return;
      }
      finishRow();
    },
    replayLine: () => replayLine,
    replayKey(cells, line) {
      for (const k of keyIndexes) replayValues[k] = valueOf(k, cells[k]);
      keyCheck.replay(replayValues, line);
    },
    resume() {
      replayLine = null;
      const rows = waiting.splice(0);
      const spare = values;
      for (const row of rows) {
        values = row.values;
        currentLine = row.line;
        hasRowError = row.hasRowError;
        finishRow();
      }
      values = spare;
    },
    finish() {
      if (replayLine !== null)
        throw new Error('Rows are waiting for the replay of earlier keys; call resume first.');
      rules.finish?.((problem) => problems.add({ ...problem, table: spec.name, file }));
    },
  };
}

/**
 * The validator of a table read with a header (a CSV's first line, the keys of JSON rows):
 * the columns resolveHeader found, periods of the bundle's granularity.
 */
export function createHeaderValidator(
  mapping: Pick<THeaderMapping, 'presentColumns' | 'isComplete'>,
  options: Omit<Parameters<typeof createTableValidator>[0], 'presentColumns' | 'isComplete' | 'granularity'>,
): TTableValidator {
  return createTableValidator({
    ...options,
    presentColumns: mapping.presentColumns,
    isComplete: mapping.isComplete,
    granularity: options.context.granularity,
  });
}
