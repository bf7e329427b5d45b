import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TDatabase } from '@planning-hub/server/database/connect';

/** One revision's rows of a table, the columns as stored, in no particular order: the cheapest read there is. */
export function plainSelectSql(table: TTableName, inputSetId: number): string {
  const spec = TABLE_SPECS[table];
  return `SELECT ${spec.columns.map((c) => c.name).join(', ')} FROM ${spec.dbTable} WHERE input_set_id = ${Math.trunc(inputSetId)}`;
}

export async function findRevisionId(
  pool: TDatabase['pool'],
  label: string,
  status: 'draft' | 'ready',
): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    'SELECT id FROM planning_input_sets WHERE label = $1 AND status = $2',
    [label, status],
  );
  if (!rows[0]) throw new Error(`no ${status} revision of ${label}: the import task stores it first`);
  return rows[0].id;
}
