import { TABLE_NAMES, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { createContentHasher, type TContentHasher } from '@planning-hub/core/canonical/content-hash';
import type { TSqlClient } from '../../database/transaction';
import { streamCopyText, streamRows } from './copy-rows';
import { detectKeyCollation, selectCanonicalLinesSql } from './table-sql';

/** The first table of the hashed text; the only one an import can hash as the rows stream in. */
const LEADING_TABLE = TABLE_NAMES[0];

/**
 * The canonical content hash of a stored revision: tables in fixed order, rows
 * in natural key order, serialised in core's canonical form. PostgreSQL writes
 * the canonical lines itself (selectCanonicalLinesSql), so Node only hashes the
 * bytes COPY sends; a table with a JSON column (params) goes through core.
 * `leading` is a hasher that already holds the first table's rows (see
 * createLeadingTableHasher); then only the other tables are read.
 */
export async function computeStoredContentHash(
  client: TSqlClient,
  inputSetId: number,
  leading: TContentHasher | null = null,
): Promise<string> {
  const hasher = leading ?? createContentHasher();
  const collation = await detectKeyCollation(client);
  for (const table of leading ? TABLE_NAMES.slice(1) : TABLE_NAMES) {
    const sql = selectCanonicalLinesSql(table, inputSetId, collation);
    if (sql === null) {
      await streamRows(client, table, inputSetId, (row) => hasher.update(table, row), collation);
    } else {
      await streamCopyText(client, sql, (lines) => hasher.updateLines(table, lines));
    }
  }
  return hasher.digest();
}

/**
 * Hashes the first table's rows as an import stores them, so that the import
 * need not read them back: the rows the sink receives are exactly the rows
 * COPY stores, in canonical form, and NUMERIC and text give them back unchanged.
 * This only works when they arrive in natural key order (as exports and most
 * extracts are written); at the first row out of order it gives up and `take`
 * returns null, and the whole hash is read back from the database.
 */
export function createLeadingTableHasher() {
  let hasher: TContentHasher | null = createContentHasher();
  return {
    add(table: TTableName, rows: readonly TRow[]): void {
      if (table !== LEADING_TABLE || hasher === null) return;
      try {
        for (const row of rows) hasher.update(table, row);
      } catch {
        hasher = null;
      }
    },
    take: (): TContentHasher | null => hasher,
  };
}
