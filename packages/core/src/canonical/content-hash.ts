import { createHash } from 'node:crypto';
import { TABLE_NAMES, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalRowLine, canonicalTableLine } from './canonical-row-line';
import { compareRowsByKey, type TRowComparator } from './compare-rows-by-key';

/** First line of the hashed text; bump it when the serialisation changes. */
export const CONTENT_HASH_VERSION = 'planning-hub input set v1';

const FLUSH_CHARS = 1 << 16;

export type TContentHasher = {
  /** Feed tables in TABLE_NAMES order and each table's rows in natural key order. */
  update: (table: TTableName, row: TRow) => void;
  /** sha256 hex of the whole input set; tables never fed count as empty. */
  digest: () => string;
};

/**
 * The content hash of an input set: sha256 over
 *   `planning-hub input set v1\n`
 *   then for every table in TABLE_NAMES order, empty ones included:
 *     `{"table":"<name>","columns":[...]}\n` followed by one canonicalRowLine + `\n` per row,
 *     rows sorted by natural key (UTF-8 byte order, like COLLATE "C").
 * Rows out of order or repeated keys throw: the same content must give one hash.
 */
export function createContentHasher(): TContentHasher {
  const hash = createHash('sha256');
  let pending = `${CONTENT_HASH_VERSION}\n`;
  let nextTableIndex = 0;
  let currentTable: TTableName | null = null;
  let compare: TRowComparator | null = null;
  let previousRow: TRow | null = null;

  function write(text: string): void {
    pending += text;
    if (pending.length >= FLUSH_CHARS) {
      hash.update(pending, 'utf8');
      pending = '';
    }
  }

  function openTablesUpTo(table: TTableName | null): void {
    const targetIndex = table === null ? TABLE_NAMES.length : TABLE_NAMES.indexOf(table);
    if (targetIndex < nextTableIndex) {
      throw new Error(`Tables must be hashed in TABLE_NAMES order; got '${table}' after '${currentTable}'.`);
    }
    while (nextTableIndex <= targetIndex && nextTableIndex < TABLE_NAMES.length) {
      const opened = TABLE_NAMES[nextTableIndex]!;
      write(`${canonicalTableLine(opened)}\n`);
      currentTable = opened;
      compare = compareRowsByKey(opened);
      previousRow = null;
      nextTableIndex++;
    }
  }

  return {
    update(table, row) {
      if (table !== currentTable) openTablesUpTo(table);
      if (previousRow !== null && compare!(previousRow, row) >= 0) {
        throw new Error(`Rows of '${table}' must be hashed in strictly ascending natural key order.`);
      }
      previousRow = row;
      write(`${canonicalRowLine(table, row)}\n`);
    },
    digest() {
      openTablesUpTo(null);
      hash.update(pending, 'utf8');
      pending = '';
      return hash.digest('hex');
    },
  };
}

/** The content hash of tables held in memory: sorts each table by natural key, then hashes. */
export function hashTables(tables: Partial<Record<TTableName, readonly TRow[]>>): string {
  const hasher = createContentHasher();
  for (const table of TABLE_NAMES) {
    const rows = tables[table];
    if (!rows || rows.length === 0) continue;
    const sorted = [...rows].sort(compareRowsByKey(table));
    for (const row of sorted) hasher.update(table, row);
  }
  return hasher.digest();
}
