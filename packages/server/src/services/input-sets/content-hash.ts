import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { createContentHasher } from '@planning-hub/core/canonical/content-hash';
import type { TSqlClient } from '../../database/transaction';
import { streamRows } from './copy-rows';
import { detectKeyCollation } from './table-sql';

/**
 * The canonical content hash of a stored revision: tables in fixed order, rows
 * streamed from PostgreSQL in natural key order, serialised by core's canonical form.
 */
export async function computeStoredContentHash(client: TSqlClient, inputSetId: number): Promise<string> {
  const hasher = createContentHasher();
  const collation = await detectKeyCollation(client);
  for (const table of TABLE_NAMES) {
    await streamRows(client, table, inputSetId, (row) => hasher.update(table, row), collation);
  }
  return hasher.digest();
}
