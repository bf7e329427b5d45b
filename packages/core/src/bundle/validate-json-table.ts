import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from '../validation/bundle-context';
import type { TProblemList } from '../validation/problem-list';
import { resolveHeader } from '../validation/resolve-header';
import { createTableValidator } from '../validation/table-validator';
import { isPlainObject, jsonCellText } from './json-cells';
import type { TRowBatcher } from './row-batcher';

/**
 * One table of input_set.json: a list of row objects. The keys used across the
 * rows play the header's part (missing, misspelt and unknown columns are
 * reported once); element i is reported as row i + 2, as if line 1 were a header.
 */
export async function validateJsonTable(options: {
  spec: TTableSpec;
  rows: unknown;
  file: string;
  context: TBundleContext;
  problems: TProblemList;
  batcher: TRowBatcher;
}): Promise<void> {
  const { spec, rows, file, problems, batcher } = options;
  if (!Array.isArray(rows)) {
    problems.add({
      code: 'unparsable_row',
      table: spec.name,
      file,
      row: null,
      column: null,
      value: null,
      message: `tables.${spec.name} in ${file} must be a list of row objects.`,
    });
    return;
  }
  const keys = new Set<string>();
  for (const row of rows) if (isPlainObject(row)) for (const key of Object.keys(row)) keys.add(key);
  // An empty list is an empty table, like a CSV file with only its header: no column is missing.
  const header = rows.length === 0 ? spec.columns.map((column) => column.name) : [...keys];
  const mapping = resolveHeader({ spec, header, file, row: null, report: problems.add });
  const validator = createTableValidator({
    spec,
    file,
    context: options.context,
    problems,
    presentColumns: mapping.presentColumns,
    isComplete: mapping.isComplete,
    granularity: options.context.granularity,
    onValidRow: batcher.add,
  });
  const cells: (string | undefined)[] = new Array<string | undefined>(spec.columns.length);
  for (let index = 0; index < rows.length; index++) {
    const line = index + 2;
    const row: unknown = rows[index];
    if (!isPlainObject(row)) {
      problems.add({
        code: 'unparsable_row',
        table: spec.name,
        file,
        row: line,
        column: null,
        value: null,
        message: `Element ${index + 1} of tables.${spec.name} is not a row object ({"column": value, ...}).`,
      });
      continue;
    }
    let hasReportedError = false;
    spec.columns.forEach((column, i) => {
      if (!mapping.presentColumns.has(column.name)) {
        cells[i] = undefined;
        return;
      }
      const value = Object.hasOwn(row, column.name) ? row[column.name] : null;
      const cell = jsonCellText(column, value);
      if ('text' in cell) {
        cells[i] = cell.text;
        return;
      }
      cells[i] = undefined;
      hasReportedError = true;
      problems.add({
        code: 'wrong_type',
        table: spec.name,
        file,
        row: line,
        column: column.name,
        value: describeJsonValue(value),
        message: `${column.name} ${cell.problem}.`,
      });
    });
    validator.validateRow(cells, line, hasReportedError);
    if (index % 2000 === 1999) await batcher.flushFull();
  }
  validator.finish();
}

function describeJsonValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? '[…]' : '{…}';
  return String(value);
}
