import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';

const COMMA = 0x2c;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
/** Stands for the comma between two key fields: below every byte a field can hold (text has no NUL). */
const SEPARATOR = 0x00;

export type TCsvKeyOrderCheck = {
  /** Looks at the next bytes of the CSV, in the order they come. */
  push: (chunk: Buffer) => void;
  /**
   * True when every row came strictly after the one before it in natural key order (each
   * key field by UTF-8 bytes, as `orderByKey` sorts). False at the first row that did
   * not, and also when a key field was quoted (it holds a comma, a quote or a line
   * break): then the order is not known, and "not in order" is the safe answer.
   */
  isInKeyOrder: () => boolean;
};

/**
 * Watches the CSV that `COPY (...) TO STDOUT WITH (FORMAT csv, HEADER true)` writes for one
 * table (columns in spec order, the key columns first) and tells whether its rows came in
 * natural key order: an export reads a revision in the order it is stored and keeps the
 * file only when that is key order (docs/performance.md, Export). Quoted fields may hold
 * commas, quotes (doubled) and line breaks; a row ends at a line break outside quotes.
 */
export function createCsvKeyOrderCheck(table: TTableName): TCsvKeyOrderCheck {
  const spec = TABLE_SPECS[table];
  if (spec.key.some((key, i) => spec.columns[i]?.name !== key)) {
    throw new Error(`The key columns of '${table}' do not lead its columns.`);
  }
  const keyFields = spec.key.length;
  let inOrder = true;
  let isHeader = true;
  let inQuotes = false;
  let field = 0;
  let key = Buffer.allocUnsafe(256);
  let keyLength = 0;
  let previous = Buffer.allocUnsafe(256);
  let previousLength = -1;

  function keepKeyByte(byte: number): void {
    if (keyLength === key.length) {
      const larger = Buffer.allocUnsafe(key.length * 2);
      key.copy(larger);
      key = larger;
    }
    key[keyLength++] = byte;
  }

  /** The row's key is complete: it must come after the previous row's. */
  function endKey(): void {
    if (isHeader) return;
    // key[0, keyLength) against previous[0, previousLength): 1 when the key comes after.
    if (previousLength >= 0 && key.compare(previous, 0, previousLength, 0, keyLength) <= 0) {
      inOrder = false;
      return;
    }
    [previous, key] = [key, previous];
    previousLength = keyLength;
  }

  function push(chunk: Buffer): void {
    let i = 0;
    const end = chunk.length;
    while (inOrder && i < end) {
      if (inQuotes) {
        const quote = chunk.indexOf(QUOTE, i);
        if (quote === -1) return;
        // A doubled quote inside a quoted field closes and opens again: the same state after both.
        inQuotes = false;
        i = quote + 1;
        continue;
      }
      if (field >= keyFields) {
        // Past the key: only quotes and the line's end matter. Both found natively.
        const newline = chunk.indexOf(NEWLINE, i);
        const quote = chunk.indexOf(QUOTE, i);
        if (quote !== -1 && (newline === -1 || quote < newline)) {
          inQuotes = true;
          i = quote + 1;
          continue;
        }
        if (newline === -1) return;
        field = 0;
        keyLength = 0;
        isHeader = false;
        i = newline + 1;
        continue;
      }
      const byte = chunk[i++]!;
      if (byte === QUOTE) {
        inQuotes = true;
        if (!isHeader) inOrder = false;
      } else if (byte === COMMA) {
        field++;
        if (field === keyFields) endKey();
        else keepKeyByte(SEPARATOR);
      } else if (byte === NEWLINE) {
        // Every table has columns after its key, so a row never ends inside its key.
        if (!isHeader) inOrder = false;
        field = 0;
        keyLength = 0;
        isHeader = false;
      } else keepKeyByte(byte);
    }
  }

  return { push, isInKeyOrder: () => inOrder };
}
