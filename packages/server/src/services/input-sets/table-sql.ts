import pg from 'pg';
import { TABLE_SPECS, type TColumnSpec, type TTableName } from '@planning-hub/contracts/tables';

const ident = (name: string) => pg.escapeIdentifier(name);

/** The text PostgreSQL gives back for a column, in the bundle's own notation. */
function selectExpression(column: TColumnSpec): string {
  const c = ident(column.name);
  switch (column.type) {
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case 'boolean':
      return `CASE WHEN ${c} THEN 'true' ELSE 'false' END`;
    case 'decimal':
    case 'json':
      return `${c}::text`;
    default:
      return c;
  }
}

export function tableColumns(table: TTableName): string[] {
  return TABLE_SPECS[table].columns.map((c) => c.name);
}

/**
 * How ORDER BY spells byte order. `explicit-c` adds COLLATE "C", right on any
 * database. Where the database's default collation already is C (the embedded
 * PostgreSQL is initialised with --locale=C), `database-default` gives the same
 * order without it: COLLATE "C" is another collation than the primary key
 * index's, so it would force a sort of the whole revision instead of reading the
 * index in order (2-3x slower for hashing and exporting 1M rows, docs/performance.md).
 */
export type TKeyCollation = 'database-default' | 'explicit-c';

type TQueryable = { query: pg.ClientBase['query'] };

/** `database-default` when the database's default collation sorts by bytes (libc C or POSIX), else `explicit-c`. */
export async function detectKeyCollation(db: TQueryable): Promise<TKeyCollation> {
  try {
    const { rows } = await db.query<{ is_bytewise: boolean }>(
      `SELECT datlocprovider = 'c' AND datcollate IN ('C', 'POSIX') AS is_bytewise
         FROM pg_database WHERE datname = current_database()`,
    );
    return rows[0]?.is_bytewise === true ? 'database-default' : 'explicit-c';
  } catch {
    return 'explicit-c'; // PostgreSQL before 15 has no datlocprovider
  }
}

/** Natural key order, byte-wise like the canonical hash (COLLATE "C" unless the database default is C already). */
export function orderByKey(table: TTableName, collation: TKeyCollation = 'explicit-c'): string {
  const spec = TABLE_SPECS[table];
  return spec.key
    .map((key) => {
      const column = spec.columns.find((c) => c.name === key)!;
      return column.type === 'date' || collation === 'database-default'
        ? ident(key)
        : `${ident(key)} COLLATE "C"`;
    })
    .join(', ');
}

/**
 * The canonical text of a column (core's canonicalCell) computed by PostgreSQL:
 * NUMERIC without trailing zeros (`trim_scale`, PostgreSQL 13+), booleans as
 * `true`/`false`, dates as `YYYY-MM-DD`, text as stored. Null for JSON columns,
 * whose canonical form (sorted keys) only core computes.
 */
function canonicalTextExpression(column: TColumnSpec): string | null {
  if (column.type === 'json') return null;
  if (column.type === 'decimal') return `trim_scale(${ident(column.name)})::text`;
  return selectExpression(column);
}

/**
 * SELECT of one revision's rows as their canonical lines (core's canonicalRowLine:
 * a JSON array of the canonical cells; to_json escapes strings exactly as
 * JSON.stringify does), in natural key order; null for a table with a JSON column.
 */
export function selectCanonicalLinesSql(
  table: TTableName,
  inputSetId: number,
  collation: TKeyCollation = 'explicit-c',
): string | null {
  const spec = TABLE_SPECS[table];
  const cells: string[] = [];
  for (const column of spec.columns) {
    const text = canonicalTextExpression(column);
    if (text === null) return null;
    cells.push(`COALESCE(to_json(${text})::text, 'null')`);
  }
  return `SELECT '[' || ${cells.join(` || ',' || `)} || ']' FROM ${ident(spec.dbTable)} WHERE input_set_id = ${Math.trunc(inputSetId)} ORDER BY ${orderByKey(table, collation)}`;
}

/** SELECT of one revision's rows as text columns, in natural key order. */
export function selectRowsSql(
  table: TTableName,
  inputSetId: number,
  collation: TKeyCollation = 'explicit-c',
): string {
  return `${selectRowsInAnyOrderSql(table, inputSetId)} ORDER BY ${orderByKey(table, collation)}`;
}

/**
 * SELECT of one revision's rows as text columns in whatever order the plan reads them:
 * usually the order they were stored in, which is key order when they were imported from
 * a file in key order (docs/performance.md, Hash).
 */
export function selectRowsInAnyOrderSql(table: TTableName, inputSetId: number): string {
  const spec = TABLE_SPECS[table];
  const columns = spec.columns.map((c) => `${selectExpression(c)} AS ${ident(c.name)}`).join(', ');
  return `SELECT ${columns} FROM ${ident(spec.dbTable)} WHERE input_set_id = ${Math.trunc(inputSetId)}`;
}

/**
 * A read that hopes for the rows in stored order needs the plan in one process that scans
 * from the heap's start: a parallel scan interleaves its workers' pages, and a synchronised
 * scan may start where another scan of the table is, so either would send a revision
 * stored in key order out of order (correct still, but read twice). The scan is a bitmap
 * scan of the revision's pages, in the heap's order too, rather than a scan of every
 * revision's pages: PostgreSQL, seeing a revision's rows spread over the table's
 * statistics, chose the whole table for a 1M-row revision among 25M rows (2.8 s against
 * 0.7 s; docs/performance.md, Hash). Put back after the read (withSettings).
 */
export const ONE_SCAN_FROM_THE_START = {
  max_parallel_workers_per_gather: '0',
  synchronize_seqscans: 'off',
  enable_seqscan: 'off',
};

export function copyFromSql(table: TTableName): string {
  const spec = TABLE_SPECS[table];
  const columns = ['input_set_id', ...spec.columns.map((c) => c.name)].map(ident).join(', ');
  return `COPY ${ident(spec.dbTable)} (${columns}) FROM STDIN`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value in COPY's text format (\N is NULL). */
export function copyTextValue(value: string | null): string {
  if (value === null) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Inverse of copyTextValue for COPY ... TO STDOUT text output. */
export function parseCopyTextValue(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_m, ch: string) =>
    ch === 't'
      ? '\t'
      : ch === 'n'
        ? '\n'
        : ch === 'r'
          ? '\r'
          : ch === 'b'
            ? '\b'
            : ch === 'f'
              ? '\f'
              : ch === 'v'
                ? '\v'
                : ch,
  );
}
