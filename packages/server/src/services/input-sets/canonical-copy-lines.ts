import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalCell } from '@planning-hub/core/canonical/canonical-cell';
import { unescapeCopyByte } from './copy-rows';
import {
  compareKeyBytes,
  createRowArrays,
  createRowOrderMend,
  growRowArrays,
  type TCompareKeys,
} from './row-order-mend';

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const COMMA = 0x2c;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const HEX = '0123456789abcdef';

/**
 * Compares two keys as COPY text, in the byte order of the key cells: the content hash's
 * row order (docs/design.md, Export and the content hash). The key columns lead every
 * table's columns, so a row's key is the start of its COPY line up to the end of its last
 * key cell, and comparing those bytes compares the key column by column: where one cell
 * ends first, its tab (0x09) meets a byte of the other cell, and a tab sorts before every
 * byte a cell holds in COPY text but 0x01-0x08. Where the first difference is such a byte,
 * or lies in or right after an escape (a backslash), the order is not decided here (null).
 */
const compareCopyKeys: TCompareKeys = compareKeyBytes((aByte, bByte, before) =>
  aByte < TAB || bByte < TAB || aByte === BACKSLASH || bByte === BACKSLASH || before === BACKSLASH
    ? null
    : aByte - bByte,
);

/**
 * Turns the COPY text of `selectRowsSql` (text columns in bundle notation, natural key
 * order) into core's canonical row lines (canonicalRowLine + `\n`), byte for byte, without
 * building a row object or a string per cell: the content hash's verification read
 * (docs/performance.md, Hash). Cells are JSON strings escaped as JSON.stringify escapes
 * them; decimals lose trailing fraction zeros as canonicalDecimal does (PostgreSQL's
 * NUMERIC text has no leading zeros and no negative zero); anything that is not plain
 * NUMERIC text (NaN) goes through core's canonicalCell. Not for tables with a JSON column.
 * `push` returns the lines of the chunk's complete rows, and `end` what is left; the bytes
 * are only valid until the next call. With `inStoredOrder` the rows may come in the order a
 * revision is stored, nearly key order: the lines still come out in key order, put back in
 * it by createRowOrderMend (row-order-mend.ts), and a little later than their rows; `push`
 * returns null when the rows cannot be put in order that way (the caller reads them in
 * key order), and the lines given out are worth nothing from then on.
 */
export function createCanonicalCopyLines(table: TTableName, options: { inStoredOrder?: boolean } = {}) {
  const spec = TABLE_SPECS[table];
  const isDecimal = spec.columns.map((c) => c.type === 'decimal');
  if (spec.columns.some((c) => c.type === 'json')) {
    throw new Error(`'${table}' has a JSON column: its canonical lines need core.`);
  }
  let out = Buffer.allocUnsafe(1 << 17);
  let used = 0;
  let rest: Buffer | null = null;
  if (spec.key.some((key, i) => spec.columns[i]?.name !== key)) {
    throw new Error(`The key columns of '${table}' do not lead its columns.`);
  }
  const mend = options.inStoredOrder === true ? createRowOrderMend(compareCopyKeys) : null;
  const lastKeyColumn = spec.key.length - 1;
  let keyEnd = 0;
  // The rows of the last chunk, for the mend: where each line and key start and end.
  let batch = createRowArrays();

  function reserve(bytes: number): void {
    if (used + bytes <= out.length) return;
    const larger = Buffer.allocUnsafe(Math.max(out.length * 2, used + bytes));
    out.copy(larger, 0, 0, used);
    out = larger;
  }

  /**
   * A text cell as a JSON string, from its COPY bytes at `start` up to the next tab or
   * `end`; returns where it stopped. Room is reserved per row (writeRow).
   */
  function writeText(input: Buffer, start: number, end: number): number {
    // Locals, not the closure's variables: this loop runs once per byte.
    const target = out;
    let at = used;
    target[at++] = QUOTE;
    let i = start;
    for (; i < end; i++) {
      let byte = input[i]!;
      if (byte === TAB) break;
      if (byte === BACKSLASH) byte = unescapeCopyByte(input[++i]!);
      if (byte >= 0x20 && byte !== QUOTE && byte !== BACKSLASH) {
        target[at++] = byte;
        continue;
      }
      target[at++] = BACKSLASH;
      switch (byte) {
        case QUOTE:
        case BACKSLASH:
          target[at++] = byte;
          break;
        case 0x08:
          target[at++] = 0x62;
          break;
        case 0x0c:
          target[at++] = 0x66;
          break;
        case 0x0a:
          target[at++] = 0x6e;
          break;
        case 0x0d:
          target[at++] = 0x72;
          break;
        case 0x09:
          target[at++] = 0x74;
          break;
        default:
          at += target.write(`u00${HEX[byte >> 4]}${HEX[byte & 15]}`, at, 'latin1');
      }
    }
    target[at++] = QUOTE;
    used = at;
    return i;
  }

  /**
   * A decimal cell: PostgreSQL's NUMERIC text without trailing fraction zeros
   * (`100.50` -> `100.5`, `0.00` -> `0`); returns where it stopped, like writeText.
   */
  function writeDecimal(input: Buffer, start: number, end: number): number {
    let cellEnd = start;
    while (cellEnd < end && input[cellEnd] !== TAB) cellEnd++;
    const isNegative = input[start] === MINUS;
    const integerStart = isNegative ? start + 1 : start;
    let dot = cellEnd;
    for (let i = integerStart; i < cellEnd; i++) {
      const byte = input[i]!;
      if (byte === DOT && dot === cellEnd) dot = i;
      else if (byte < ZERO || byte > NINE) return writeOtherDecimal(input, start, cellEnd);
    }
    // Plain NUMERIC text has an integer part without leading zeros; anything else goes through core.
    if (dot === integerStart || (input[integerStart] === ZERO && dot > integerStart + 1)) {
      return writeOtherDecimal(input, start, cellEnd);
    }
    let last = cellEnd;
    while (last > dot + 1 && input[last - 1] === ZERO) last--;
    if (last === dot + 1) last = dot;
    const isZero = last === integerStart + 1 && input[integerStart] === ZERO;
    out[used++] = QUOTE;
    for (let i = isZero ? integerStart : start; i < last; i++) out[used++] = input[i]!;
    out[used++] = QUOTE;
    return cellEnd;
  }

  function writeOtherDecimal(input: Buffer, start: number, end: number): number {
    const canonical = Buffer.from(canonicalCell('decimal', input.toString('utf8', start, end))!, 'utf8');
    writeText(canonical, 0, canonical.length);
    return end;
  }

  /** One row's line, its bytes [start, end) without the newline. */
  function writeRow(input: Buffer, start: number, end: number): void {
    // Every byte at most six (\u00XX), `\N` four, plus quotes, commas, brackets and the newline.
    reserve((end - start) * 6 + 3 * isDecimal.length + 3);
    out[used++] = 0x5b; // [
    let i = start;
    for (let column = 0; ; column++) {
      if (column > 0) out[used++] = COMMA;
      if (input[i] === BACKSLASH && input[i + 1] === 0x4e && (i + 2 === end || input[i + 2] === TAB)) {
        // `null`, byte by byte: a native write per row costs more than these four stores.
        out[used++] = 0x6e;
        out[used++] = 0x75;
        out[used++] = 0x6c;
        out[used++] = 0x6c;
        i += 2;
      } else if (isDecimal[column]) {
        i = writeDecimal(input, i, end);
      } else {
        i = writeText(input, i, end);
      }
      if (column === lastKeyColumn) keyEnd = i;
      if (i >= end) break;
      i++; // the tab
    }
    out[used++] = 0x5d; // ]
    out[used++] = NEWLINE;
  }

  return {
    push(chunk: Buffer): Uint8Array | null {
      // The mend keeps keys past this call, so it gets bytes of its own (one copy per chunk).
      const input = rest !== null ? Buffer.concat([rest, chunk]) : mend !== null ? Buffer.from(chunk) : chunk;
      used = 0;
      let start = 0;
      let rows = 0;
      let { rowStart, rowEnd, keyStart, keyEnd: keyEnds } = batch;
      for (let nl = input.indexOf(NEWLINE); nl !== -1; nl = input.indexOf(NEWLINE, start)) {
        const lineStart = used;
        writeRow(input, start, nl);
        if (mend !== null) {
          if (rows === rowStart.length) {
            batch = growRowArrays(batch);
            ({ rowStart, rowEnd, keyStart, keyEnd: keyEnds } = batch);
          }
          rowStart[rows] = lineStart;
          rowEnd[rows] = used;
          keyStart[rows] = start;
          keyEnds[rows] = keyEnd;
          rows++;
        }
        start = nl + 1;
      }
      rest = start < input.length ? Buffer.from(input.subarray(start)) : null;
      if (mend === null) return out.subarray(0, used);
      return mend.add({ lines: out, keys: input, count: rows, ...batch }) ? mend.take() : null;
    },
    /**
     * The lines still kept back (null when they cannot be put in key order); throws when the
     * stream stopped inside a row (COPY ends every row with a newline).
     */
    end(): Uint8Array | null {
      if (rest !== null) throw new Error(`The COPY text of '${table}' ended inside a row.`);
      return mend === null ? new Uint8Array(0) : mend.finish();
    },
  };
}
