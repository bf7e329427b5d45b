import { to as copyTo } from 'pg-copy-streams';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { createContentHasher, type TContentHasher } from '@planning-hub/core/canonical/content-hash';
import type { TSqlClient } from '../../database/transaction';
import { createCanonicalCopyLines } from './canonical-copy-lines';
import { streamRows } from './copy-rows';
import { detectKeyCollation, selectRowsSql, type TKeyCollation } from './table-sql';

/** One table's canonical lines into the hasher, from the plain key-ordered COPY text. */
async function hashCopyText(
  client: TSqlClient,
  hasher: TContentHasher,
  table: TTableName,
  inputSetId: number,
  collation: TKeyCollation,
): Promise<void> {
  const lines = createCanonicalCopyLines(table);
  const stream = client.query(copyTo(`COPY (${selectRowsSql(table, inputSetId, collation)}) TO STDOUT`));
  for await (const chunk of stream as AsyncIterable<Buffer>) hasher.updateLines(table, lines.push(chunk));
  lines.end();
}

/**
 * The canonical content hash of a stored revision: tables in fixed order, rows
 * in natural key order, serialised in core's canonical form. It is computed once,
 * at import, and stored (input_sets.content_hash); every later path reads the
 * stored value, and this runs again only to verify stored rows. PostgreSQL sends
 * the rows as the plain key-ordered COPY text and Node turns its bytes into the
 * canonical lines (createCanonicalCopyLines: no row objects, and PostgreSQL does
 * no per-row JSON; docs/performance.md, Hash); a table with a JSON column (params)
 * goes through core. `leading` is a hasher that already holds the first table's
 * rows (the import's streamed hash of demand); then only the other tables are read.
 */
export async function computeStoredContentHash(
  client: TSqlClient,
  inputSetId: number,
  leading: TContentHasher | null = null,
): Promise<string> {
  const hasher = leading ?? createContentHasher();
  const collation = await detectKeyCollation(client);
  for (const table of leading ? TABLE_NAMES.slice(1) : TABLE_NAMES) {
    if (TABLE_SPECS[table].columns.some((c) => c.type === 'json')) {
      await streamRows(client, table, inputSetId, (row) => hasher.update(table, row), collation);
    } else {
      await hashCopyText(client, hasher, table, inputSetId, collation);
    }
  }
  return hasher.digest();
}
