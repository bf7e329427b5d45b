import { createHash, type Hash } from 'node:crypto';
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
  /**
   * An independent hasher in this one's state: what has been fed so far, and the table it
   * is in. A caller that feeds rows it may have to take back keeps a copy to go back to.
   */
  copy: () => TContentHasher;
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
  return resumeContentHasher(createHash('sha256').update(`${CONTENT_HASH_VERSION}\n`, 'utf8'), {
    nextTableIndex: 0,
    currentTable: null,
    previousRow: null,
  });
}

type THasherPosition = { nextTableIndex: number; currentTable: TTableName | null; previousRow: TRow | null };

/** A hasher whose sha256 has been fed everything before `at` (the current table's line included). */
function resumeContentHasher(hash: Hash, at: THasherPosition): TContentHasher {
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let { nextTableIndex, currentTable, previousRow } = at;
  let compare: TRowComparator | null = currentTable === null ? null : compareRowsByKey(currentTable);

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
    copy() {
      flush();
      return resumeContentHasher(hash.copy(), { nextTableIndex, currentTable, previousRow });
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
