import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TValidRow } from '@planning-hub/core/bundle/row-batcher';
import { canonicalCell } from '@planning-hub/core/canonical/canonical-cell';
import { jsonCell } from '@planning-hub/core/canonical/canonical-row-line';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import { createContentHasher, type TContentHasher } from '@planning-hub/core/canonical/content-hash';
import { createByteWriter, reserveBytes, writeNonAsciiUnit, type TByteWriter } from './byte-writer';

/** The first table of the hashed text; the only one an import can hash as the rows stream in. */
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

/**
 * Hashes the first table's rows as an import stores them, so that the import need
 * not read them back: the sink's rows are exactly what COPY stores, in canonical
 * form, and NUMERIC and text give them back unchanged. Each batch's canonical lines
 * (core's canonicalRowLine, written as bytes from the value arrays) are hashed in one call.
 * This only works while rows arrive in natural key order (as exports and most
 * extracts are written); at the first row out of order it gives up and `take`
 * returns null, and the whole hash is read back from the database.
 */
export function createStreamedLeadingHash() {
  const spec = TABLE_SPECS[LEADING_TABLE];
  const names = spec.columns.map((c) => c.name);
  const keyIndexes = spec.key.map((key) => names.indexOf(key));
  const recanonical = spec.columns.map((c) => !AS_VALIDATED.has(c.type));
  let hasher: TContentHasher | null = createContentHasher();
  let previous: TValidRow | null = null;
  const lines = createByteWriter();

  function isAfterPrevious(row: TValidRow): boolean {
    if (previous === null) return true;
    for (const k of keyIndexes) {
      const order = compareUtf8(row[k] ?? '', previous[k] ?? '');
      if (order !== 0) return order > 0;
    }
    return false;
  }

  return {
    add(table: TTableName, rows: readonly TValidRow[]): void {
      if (table !== LEADING_TABLE || hasher === null) return;
      lines.length = 0;
      for (const row of rows) {
        if (!isAfterPrevious(row)) {
          hasher = null;
          return;
        }
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
      hasher.updateLines(table, lines.bytes.subarray(0, lines.length));
    },
    take: (): TContentHasher | null => hasher,
  };
}
