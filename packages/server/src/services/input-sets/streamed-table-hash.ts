import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TValidRow } from '@planning-hub/core/bundle/row-batcher';
import { canonicalCell } from '@planning-hub/core/canonical/canonical-cell';
import { jsonCell } from '@planning-hub/core/canonical/canonical-row-line';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import { createContentHasher, type TContentHasher } from '@planning-hub/core/canonical/content-hash';
import { createByteWriter, reserveBytes, writeNonAsciiUnit, type TByteWriter } from './byte-writer';
import type { TStoredHashOptions } from './content-hash';

/** The first table of the hashed text: the one an import hashes as its rows stream in. */
export const LEADING_TABLE = TABLE_NAMES[0];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FIRST_PRINTABLE = 0x20;
const FIRST_NON_ASCII = 0x80;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const LF = 0x0a;
const NULL_JSON = Buffer.from('null', 'latin1');

/**
 * Appends one cell as core's jsonCell writes it: characters JSON leaves as they are
 * byte by byte as UTF-8 (nearly every cell), anything else (escapes, surrogates) through jsonCell.
 */
function writeJsonCell(out: TByteWriter, value: string | null): void {
  if (value === null) {
    reserveBytes(out, NULL_JSON.length);
    for (let i = 0; i < NULL_JSON.length; i++) out.bytes[out.length++] = NULL_JSON[i]!;
    return;
  }
  const length = value.length;
  // JSON escapes take 6 characters per UTF-16 unit at most; UTF-8 3 bytes per unit.
  reserveBytes(out, length * 6 + 2);
  const bytes = out.bytes;
  let pos = out.length;
  bytes[pos++] = QUOTE;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= FIRST_NON_ASCII) pos = writeNonAsciiUnit(bytes, pos, code);
    else if (code < FIRST_PRINTABLE || code === QUOTE || code === BACKSLASH) pos = -1;
    else bytes[pos++] = code;
    if (pos === -1) {
      out.length += bytes.write(jsonCell(value), out.length, 'utf8');
      return;
    }
  }
  bytes[pos++] = QUOTE;
  out.length = pos;
}

/** Column types whose validated text is already the hashed text (canonicalCell would give it back). */
const AS_VALIDATED = new Set(['code', 'key', 'period', 'text', 'date', 'decimal']);

/** At most this many bytes of the later tables' lines are held until the hash reaches them. */
const MAX_HELD_BYTES = 32 << 20;

/** Tables whose lines an import can write from its rows: not those with a JSON column (JSONB gives its own text back). */
const STREAMABLE: ReadonlySet<TTableName> = new Set(
  TABLE_NAMES.filter((table) => !TABLE_SPECS[table].columns.some((c) => c.type === 'json')),
);

/** One table's canonical lines as its rows stream in, while they are in natural key order. */
function createTableLines(table: TTableName) {
  const spec = TABLE_SPECS[table];
  const names = spec.columns.map((c) => c.name);
  const keyIndexes = spec.key.map((key) => names.indexOf(key));
  const recanonical = spec.columns.map((c) => !AS_VALIDATED.has(c.type));
  let previous: TValidRow | null = null;

  function isAfterPrevious(row: TValidRow): boolean {
    if (previous === null) return true;
    for (const k of keyIndexes) {
      const order = compareUtf8(row[k] ?? '', previous[k] ?? '');
      if (order !== 0) return order > 0;
    }
    return false;
  }

  /** Appends the rows' lines to `lines`; false (and `lines` partly written) at a row out of key order. */
  return function append(lines: TByteWriter, rows: readonly TValidRow[]): boolean {
    for (const row of rows) {
      if (!isAfterPrevious(row)) return false;
      previous = row;
      reserveBytes(lines, 1);
      lines.bytes[lines.length++] = OPEN;
      for (let i = 0; i < names.length; i++) {
        if (i > 0) {
          reserveBytes(lines, 1);
          lines.bytes[lines.length++] = COMMA;
        }
        const value = row[i] ?? null;
        writeJsonCell(lines, recanonical[i] ? canonicalCell(spec.columns[i]!.type, value) : value);
      }
      reserveBytes(lines, 2);
      lines.bytes[lines.length++] = CLOSE;
      lines.bytes[lines.length++] = LF;
    }
    return true;
  };
}

/**
 * Writes the content hash's lines from the rows as an import stores them, so that the
 * import need not read them back: the sink's rows are exactly what COPY stores, in
 * canonical form, and NUMERIC and text give them back unchanged. The first table
 * (demand, nearly all the rows) goes into the hasher batch by batch; the later tables
 * arrive before or after it (the import validates in dependency order), so their lines
 * are held, up to MAX_HELD_BYTES, until the hash reaches them. A table's lines are only
 * good while its rows arrive in natural key order (as exports and most extracts are
 * written); at its first row out of order that table is given up, and
 * computeStoredContentHash reads it back from the database (docs/performance.md, Hash).
 */
export function createStreamedHash() {
  let leading: TContentHasher | null = createContentHasher();
  const leadingLines = createByteWriter();
  const appenders = new Map<TTableName, ReturnType<typeof createTableLines>>();
  const held = new Map<TTableName, TByteWriter>();
  const givenUp = new Set<TTableName>();
  const outOfOrder: TTableName[] = [];
  let heldBytes = 0;

  function giveUp(table: TTableName, reason: 'order' | 'size'): void {
    givenUp.add(table);
    if (reason === 'order') outOfOrder.push(table);
    if (table === LEADING_TABLE) leading = null;
    heldBytes -= held.get(table)?.length ?? 0;
    held.delete(table);
  }

  return {
    add(table: TTableName, rows: readonly TValidRow[]): void {
      if (!STREAMABLE.has(table) || givenUp.has(table)) return;
      let append = appenders.get(table);
      if (!append) appenders.set(table, (append = createTableLines(table)));
      if (table === LEADING_TABLE) {
        leadingLines.length = 0;
        if (!append(leadingLines, rows)) giveUp(table, 'order');
        else leading!.updateLines(table, leadingLines.bytes.subarray(0, leadingLines.length));
        return;
      }
      let lines = held.get(table);
      if (!lines) held.set(table, (lines = createByteWriter(1 << 12)));
      const before = lines.length;
      const inOrder = append(lines, rows);
      heldBytes += lines.length - before;
      if (!inOrder) giveUp(table, 'order');
      else if (heldBytes > MAX_HELD_BYTES) giveUp(table, 'size');
    },
    /**
     * What computeStoredContentHash still needs to read: the hasher holding the first
     * table (null when it was out of order), the later tables' lines, and the tables
     * known to be stored out of key order. A table no row reached is empty.
     */
    take(): TStoredHashOptions {
      const laterLines = new Map<TTableName, Uint8Array>();
      for (const table of STREAMABLE) {
        if (table === LEADING_TABLE || givenUp.has(table)) continue;
        const lines = held.get(table);
        laterLines.set(table, lines ? lines.bytes.subarray(0, lines.length) : new Uint8Array(0));
      }
      return { leading, laterLines, storedOutOfOrder: outOfOrder };
    },
  };
}
