import { to as copyTo } from 'pg-copy-streams';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { createContentHasher, type TContentHasher } from '@planning-hub/core/canonical/content-hash';
import { withSettings, type TSqlClient } from '../../database/transaction';
import { createCanonicalCopyLines } from './canonical-copy-lines';
import { streamRows } from './copy-rows';
import {
  detectKeyCollation,
  ONE_SCAN_FROM_THE_START,
  selectRowsInAnyOrderSql,
  selectRowsSql,
  type TKeyCollation,
} from './table-sql';

/**
 * One table's canonical lines into the hasher, from the plain key-ordered COPY text; or,
 * with `inAnyOrder`, from the rows in whatever order the plan reads them, put back in key
 * order as they stream (createCanonicalCopyLines with `inStoredOrder`). Returns false when
 * they could not be (the hasher then holds a wrong prefix and must be thrown away); the
 * rest of the COPY is still drained, because a COPY cannot be left half read on a
 * connection that may be in a transaction.
 */
async function hashCopyText(
  client: TSqlClient,
  hasher: TContentHasher,
  table: TTableName,
  inputSetId: number,
  order: { inAnyOrder: true } | { inAnyOrder: false; collation: TKeyCollation },
): Promise<boolean> {
  const lines = createCanonicalCopyLines(table, { inStoredOrder: order.inAnyOrder });
  const select = order.inAnyOrder
    ? selectRowsInAnyOrderSql(table, inputSetId)
    : selectRowsSql(table, inputSetId, order.collation);
  let inOrder = true;
  for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT`)) as AsyncIterable<Buffer>) {
    if (!inOrder) continue;
    const bytes = lines.push(chunk);
    if (bytes === null) inOrder = false;
    else hasher.updateLines(table, bytes);
  }
  if (!inOrder) return false;
  const rest = lines.end();
  if (rest === null) return false;
  hasher.updateLines(table, rest);
  return true;
}

export type TStoredHashOptions = {
  /** A hasher that already holds the first table's rows (the import's streamed hash of demand, createStreamedHash). */
  leading?: TContentHasher | null;
  /** Later tables' canonical lines written as the import stored their rows (createStreamedHash): not read back. */
  laterLines?: ReadonlyMap<TTableName, Uint8Array>;
  /** Tables whose rows are known not to be stored in key order: read them in key order at once. */
  storedOutOfOrder?: readonly TTableName[];
};

/**
 * The canonical content hash of a stored revision: tables in fixed order, rows
 * in natural key order, serialised in core's canonical form. It is computed once,
 * at import, and stored (input_sets.content_hash); every later path reads the
 * stored value, and this runs again only to verify stored rows. PostgreSQL sends
 * the rows as plain COPY text and Node turns its bytes into the canonical lines
 * (createCanonicalCopyLines: no row objects, and PostgreSQL does no per-row JSON);
 * a table with a JSON column (params) goes through core. Each table is first read
 * in the order its rows are stored, which costs no index walk and is nearly key order
 * when the revision was imported from a file in key order: the few rows PostgreSQL put
 * elsewhere are put back in place as they stream, and only if that cannot be done is
 * the table read again in key order (docs/performance.md, Hash).
 */
export async function computeStoredContentHash(
  client: TSqlClient,
  inputSetId: number,
  options: TStoredHashOptions = {},
): Promise<string> {
  let hasher = options.leading ?? createContentHasher();
  const collation = await detectKeyCollation(client);
  const hasJsonColumn = (table: TTableName) => TABLE_SPECS[table].columns.some((c) => c.type === 'json');
  const isReadInStoredOrder = (table: TTableName) =>
    !options.laterLines?.has(table) && !hasJsonColumn(table) && !options.storedOutOfOrder?.includes(table);
  const tables = options.leading ? TABLE_NAMES.slice(1) : TABLE_NAMES;

  async function hashTables(): Promise<void> {
    for (const table of tables) {
      const streamed = options.laterLines?.get(table);
      if (streamed) {
        hasher.updateLines(table, streamed);
      } else if (hasJsonColumn(table)) {
        await streamRows(client, table, inputSetId, (row) => hasher.update(table, row), collation);
      } else {
        const attempt = isReadInStoredOrder(table) ? hasher.copy() : null;
        if (attempt && (await hashCopyText(client, attempt, table, inputSetId, { inAnyOrder: true }))) {
          hasher = attempt;
        } else {
          await hashCopyText(client, hasher, table, inputSetId, { inAnyOrder: false, collation });
        }
      }
    }
  }

  if (tables.some(isReadInStoredOrder))
    await withSettings(client, ONE_SCAN_FROM_THE_START, 'session', hashTables);
  else await hashTables();
  return hasher.digest();
}
