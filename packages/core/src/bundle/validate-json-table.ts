import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from '../validation/bundle-context';
import { problemMessage, type TProblemList, type TProblemMessage } from '../validation/problem-list';
import { resolveHeader } from '../validation/resolve-header';
import { createHeaderValidator } from '../validation/table-validator';
import { isPlainObject, jsonCellText } from './json-cells';
import type { TRowBatcher } from './row-batcher';

export type TJsonTableValidator = {
  /** Element `index` (0-based) of the table's list, parsed. */
  add: (row: unknown, index: number) => void;
  /** Element `index` could not be read as a row: why, an `unparsable_row` message. */
  refuse: (index: number, detail: TProblemMessage) => void;
  finish: () => void;
};

/**
 * One table of input_set.json, a list of row objects, validated a row at a time. The
 * keys used across the rows (`keys`, gathered beforehand) play the header's part:
 * missing, misspelt and unknown columns are reported once. An empty list is an empty
 * table, like a CSV file with only its header: no column is missing. Element i is
 * reported as row i + 2, as if line 1 were a header.
 */
export function createJsonTableValidator(options: {
  spec: TTableSpec;
  keys: Iterable<string>;
  rowCount: number;
  file: string;
  context: TBundleContext;
  problems: TProblemList;
  batcher: TRowBatcher;
}): TJsonTableValidator {
  const { spec, file, problems } = options;
  const header = options.rowCount === 0 ? spec.columns.map((column) => column.name) : [...options.keys];
  const mapping = resolveHeader({ spec, header, file, row: null, report: problems.add });
  const validator = createHeaderValidator(mapping, {
    spec,
    file,
    context: options.context,
    problems,
    onValidRow: options.batcher.add,
  });
  const cells: (string | undefined)[] = new Array<string | undefined>(spec.columns.length);
  const unparsable = (index: number, detail: TProblemMessage) =>
    problems.add({
      code: 'unparsable_row',
      table: spec.name,
      file,
      row: index + 2,
      column: null,
      value: null,
      detail,
    });

  return {
    add(row, index) {
      const line = index + 2;
      if (!isPlainObject(row)) {
        unparsable(
          index,
          problemMessage('problem.unparsable_row.json_row_not_object', { element: index + 1 }),
        );
        return;
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
          detail: cell.problem,
        });
      });
      validator.validateRow(cells, line, hasReportedError);
    },
    refuse: unparsable,
    finish: () => validator.finish(),
  };
}

function describeJsonValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? '[…]' : '{…}';
  return String(value);
}
