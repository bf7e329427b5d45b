import { TABLE_SPECS, type TColumnType, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalCell } from './canonical-cell';

const COLUMN_TYPES: Record<TTableName, { names: string[]; types: TColumnType[] }> = Object.fromEntries(
  Object.values(TABLE_SPECS).map((spec) => [
    spec.name,
    { names: spec.columns.map((c) => c.name), types: spec.columns.map((c) => c.type) },
  ]),
) as Record<TTableName, { names: string[]; types: TColumnType[] }>;

/** Characters JSON.stringify escapes in a string (and surrogates, which it may). */
// eslint-disable-next-line no-control-regex -- JSON escapes exactly these control characters
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A cell as JSON: `null` or the string, quoted and escaped exactly as JSON.stringify does. */
export function jsonCell(text: string | null): string {
  if (text === null) return 'null';
  return NEEDS_JSON_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * One row as hashed: a JSON array of the row's cells in TABLE_SPECS column
 * order, each the canonical string or `null`, e.g. `["部品-001","TOKYO","2027-W01","100.5",null]`.
 * JSON string escaping makes it unambiguous (no separator can occur inside a cell),
 * and it depends only on the canonical strings, never on how the row was read.
 */
export function canonicalRowLine(table: TTableName, row: TRow): string {
  const { names, types } = COLUMN_TYPES[table];
  let line = '[';
  for (let i = 0; i < names.length; i++) {
    if (i > 0) line += ',';
    line += jsonCell(canonicalCell(types[i]!, row[names[i]!] ?? null));
  }
  return `${line}]`;
}

/** The line that opens a table's section in the hashed text: `{"table":"demand","columns":[...]}`. */
export function canonicalTableLine(table: TTableName): string {
  return JSON.stringify({ table, columns: COLUMN_TYPES[table].names });
}
