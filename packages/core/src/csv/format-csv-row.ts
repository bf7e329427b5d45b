import { TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record without its line ending (RFC 4180): a cell holding `"`, `,`,
 * CR or LF is quoted with inner quotes doubled; `null` is an empty cell.
 * Cells need no formula guard: validated codes and units never start with `= + - @`.
 */
export function formatCsvRow(values: readonly (string | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    const value = values[i];
    if (value === null || value === undefined) continue;
    line += NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }
  return line;
}

const COLUMNS = Object.fromEntries(
  Object.values(TABLE_SPECS).map((spec) => [spec.name, spec.columns.map((column) => column.name)]),
) as unknown as Record<TTableName, readonly string[]>;

/** The columns of a table's file, in the order an export writes them. */
export function csvColumns(table: TTableName): readonly string[] {
  return COLUMNS[table];
}

/** The header record of a table's file. */
export function formatCsvHeader(table: TTableName): string {
  return formatCsvRow(csvColumns(table));
}

/** One row of a table as a CSV record, cells in header order. */
export function formatTableRow(table: TTableName, row: TRow): string {
  return formatCsvRow(csvColumns(table).map((name) => row[name] ?? null));
}
