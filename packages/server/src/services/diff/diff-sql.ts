import pg from 'pg';
import { DIFF_MEASURES, type TMeasuredTable } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS, type TColumnSpec, type TTableName } from '@planning-hub/contracts/tables';

const ident = (name: string) => pg.escapeIdentifier(name);

/** A column as text in the bundle's notation; decimals without trailing zeros (100.50 -> 100.5). */
function textOf(alias: string, column: TColumnSpec): string {
  const c = `${alias}.${ident(column.name)}`;
  switch (column.type) {
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case 'boolean':
      return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`;
    case 'decimal':
      return `trim_scale(${c})::text`;
    case 'json':
      return `${c}::text`;
    default:
      return c;
  }
}

function jsonObject(alias: string, columns: readonly TColumnSpec[]): string {
  const pairs = columns.map((c) => `'${c.name}', ${textOf(alias, c)}`).join(', ');
  return `json_build_object(${pairs})`;
}

/**
 * One FULL OUTER JOIN of the two revisions of a table on its natural key, keeping
 * only rows that differ, as `kind <TAB> json <TAB> keys... <TAB> decimals...` lines for COPY ... TO STDOUT:
 * - added:   {"key": {...}, "values": {...}}  (only in the newer revision)
 * - removed: {"key": {...}, "values": {...}}  (only in the older one)
 * - changed: {"key": {...}, "changes": [{"column", "old", "new"}, ...]}
 * then the key columns as text, then the decimal columns of an added or removed row
 * (NULL for a changed row, whose JSON is parsed anyway), for the row index without parsing its JSON.
 * `IS DISTINCT FROM` compares in the column's own type: NUMERIC numerically
 * (100.50 = 100.5), jsonb semantically, text and codes exactly (C collation,
 * byte-wise). Rows come in natural key order, byte-wise like the export.
 */
export function tableDiffCopySql(table: TTableName, olderId: number, newerId: number): string {
  const spec = TABLE_SPECS[table];
  const keyColumns = spec.columns.filter((c) => spec.key.includes(c.name));
  const otherColumns = spec.columns.filter((c) => !spec.key.includes(c.name));
  const source = (id: number) =>
    `(SELECT * FROM ${ident(spec.dbTable)} WHERE input_set_id = ${Math.trunc(id)})`;
  const join = keyColumns.map((c) => `o.${ident(c.name)} = n.${ident(c.name)}`).join(' AND ');
  const differs = otherColumns.map((c) => `o.${ident(c.name)} IS DISTINCT FROM n.${ident(c.name)}`);
  // json has no equality operator, so array_remove needs jsonb; key order inside a change does not matter.
  const changes = otherColumns
    .map(
      (c) =>
        `CASE WHEN o.${ident(c.name)} IS DISTINCT FROM n.${ident(c.name)} THEN ` +
        `jsonb_build_object('column', '${c.name}', 'old', ${textOf('o', c)}, 'new', ${textOf('n', c)}) END`,
    )
    .join(', ');
  const decimalColumns = otherColumns.filter((c) => c.type === 'decimal');
  const keyTexts = keyColumns.map((c) => `COALESCE(${textOf('n', c)}, ${textOf('o', c)})`);
  const decimalTexts = decimalColumns.map(
    (c) =>
      `CASE WHEN o.input_set_id IS NULL THEN ${textOf('n', c)} WHEN n.input_set_id IS NULL THEN ${textOf('o', c)} END`,
  );
  const order = keyColumns
    .map((c) => {
      const merged = `COALESCE(n.${ident(c.name)}, o.${ident(c.name)})`;
      return c.type === 'date' ? merged : `${merged} COLLATE "C"`;
    })
    .join(', ');
  const query = `
    SELECT
      CASE WHEN o.input_set_id IS NULL THEN 'added' WHEN n.input_set_id IS NULL THEN 'removed' ELSE 'changed' END,
      CASE
        WHEN o.input_set_id IS NULL THEN json_build_object('key', ${jsonObject('n', keyColumns)}, 'values', ${jsonObject('n', otherColumns)})
        WHEN n.input_set_id IS NULL THEN json_build_object('key', ${jsonObject('o', keyColumns)}, 'values', ${jsonObject('o', otherColumns)})
        ELSE json_build_object('key', ${jsonObject('n', keyColumns)}, 'changes', array_to_json(array_remove(ARRAY[${changes}]::jsonb[], NULL)))
      END${[...keyTexts, ...decimalTexts].map((text) => `,\n      ${text}`).join('')}
    FROM ${source(olderId)} o
    FULL OUTER JOIN ${source(newerId)} n ON ${join}
    WHERE o.input_set_id IS NULL OR n.input_set_id IS NULL${differs.length ? ` OR ${differs.join(' OR ')}` : ''}
    ORDER BY ${order}`;
  return `COPY (${query}) TO STDOUT`;
}

/**
 * The totals of a measured table's quantity columns in one revision ("What moved"), per
 * item, location, period or resource and overall, in one scan (GROUPING SETS), as lines
 * `grouping <TAB> dimension values... <TAB> sums...` for COPY ... TO STDOUT. `grouping`
 * has a 1 bit for each dimension not grouped by: the grand total has all bits set.
 */
export function measureTotalsCopySql(table: TMeasuredTable, inputSetId: number): string {
  const spec = TABLE_SPECS[table];
  const { columns, dimensions } = DIFF_MEASURES[table];
  const dims = dimensions.map((name) => ident(name));
  const sums = columns.map((name) => `trim_scale(sum(${ident(name)}))::text`);
  const sets = [...dims.map((d) => `(${d})`), '()'].join(', ');
  return `COPY (
    SELECT GROUPING(${dims.join(', ')})::int, ${[...dims, ...sums].join(', ')}
    FROM ${ident(spec.dbTable)} WHERE input_set_id = ${Math.trunc(inputSetId)}
    GROUP BY GROUPING SETS (${sets})
  ) TO STDOUT`;
}
