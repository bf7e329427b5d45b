import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import {
  compareKeyBytes,
  createRowArrays,
  createRowOrderMend,
  growRowArrays,
  type TCompareKeys,
} from './row-order-mend';

const COMMA = 0x2c;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

export type TCsvInKeyOrder = {
  /** The next bytes of the CSV as read; returns the bytes to write (valid until the next call), null once given up. */
  push: (chunk: Buffer) => Uint8Array | null;
  /** The bytes still kept back; null when the rows could not be put in key order. */
  end: () => Uint8Array | null;
};

/**
 * Compares two rows' keys as unquoted CSV, field by field in UTF-8 bytes as `orderByKey`
 * sorts: where one field ends first, its comma stands below every byte the other field
 * holds (text has no NUL), and the last key field's end is the key's end.
 */
const compareCsvKeys: TCompareKeys = compareKeyBytes((aByte, bByte) =>
  aByte === COMMA ? -1 : bByte === COMMA ? 1 : aByte - bByte,
);

/**
 * Takes the CSV that `COPY (...) TO STDOUT WITH (FORMAT csv, HEADER true)` writes for one
 * table (columns in spec order, the key columns first) from a read in stored order, and
 * gives it out in natural key order: the header first, then the rows put back in key order
 * by createRowOrderMend (docs/performance.md, Export). Quoted fields may hold commas,
 * quotes (doubled) and line breaks; a row ends at a line break outside quotes. A quoted key
 * field is not compared: the order is then not known, and the caller reads in key order.
 */
export function createCsvInKeyOrder(table: TTableName): TCsvInKeyOrder {
  const spec = TABLE_SPECS[table];
  if (spec.key.some((key, i) => spec.columns[i]?.name !== key)) {
    throw new Error(`The key columns of '${table}' do not lead its columns.`);
  }
  const keyFields = spec.key.length;
  const mend = createRowOrderMend(compareCsvKeys);
  let isHeader = true;
  let rest: Buffer | null = null;
  let failed = false;
  let batch = createRowArrays();

  /** Where the row starting at `start` ends (after its line break), or -1 when it goes on past `input`. */
  function rowEndAfter(input: Buffer, from: number): number {
    let at = from;
    for (;;) {
      const newline = input.indexOf(NEWLINE, at);
      const quote = input.indexOf(QUOTE, at);
      if (quote === -1 || (newline !== -1 && newline < quote)) return newline === -1 ? -1 : newline + 1;
      // A quoted field: to its closing quote (a doubled quote closes and opens again).
      const close = input.indexOf(QUOTE, quote + 1);
      if (close === -1) return -1;
      at = close + 1;
    }
  }

  /** The end of the row's key (its last key field), -1 when a key field is quoted. */
  function keyEndOf(input: Buffer, start: number): number {
    let at = start;
    for (let field = 0; field < keyFields; field++) {
      if (input[at] === QUOTE) return -1;
      const comma = input.indexOf(COMMA, at);
      at = comma + 1;
    }
    return at - 1;
  }

  return {
    push(chunk) {
      if (failed) return null;
      // The mend keeps keys past this call, so it gets bytes of its own (one copy per chunk).
      const input = rest !== null ? Buffer.concat([rest, chunk]) : Buffer.from(chunk);
      let start = 0;
      let header: Uint8Array | null = null;
      let rows = 0;
      let { rowStart, rowEnd, keyStart, keyEnd } = batch;
      for (let next = rowEndAfter(input, 0); next !== -1; next = rowEndAfter(input, start)) {
        if (isHeader) {
          header = input.subarray(0, next);
          isHeader = false;
        } else {
          const end = keyEndOf(input, start);
          if (end === -1) {
            failed = true;
            return null;
          }
          if (rows === rowStart.length) {
            batch = growRowArrays(batch);
            ({ rowStart, rowEnd, keyStart, keyEnd } = batch);
          }
          rowStart[rows] = start;
          rowEnd[rows] = next;
          keyStart[rows] = start;
          keyEnd[rows] = end;
          rows++;
        }
        start = next;
      }
      rest = start < input.length ? Buffer.from(input.subarray(start)) : null;
      if (!mend.add({ lines: input, keys: input, count: rows, ...batch })) {
        failed = true;
        return null;
      }
      const rowBytes = mend.take();
      return header === null ? rowBytes : Buffer.concat([header, rowBytes]);
    },
    end() {
      if (failed) return null;
      if (rest !== null) throw new Error(`The CSV of '${table}' ended inside a row.`);
      return mend.finish();
    },
  };
}
