import { once } from 'node:events';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import type { TValidRow } from '@planning-hub/core/bundle/row-batcher';
import type { TSqlClient } from '../../database/transaction';
import { createByteWriter, reserveBytes, writeNonAsciiUnit, type TByteWriter } from './byte-writer';
import {
  copyFromSql,
  copyTextValue,
  parseCopyTextValue,
  selectRowsSql,
  tableColumns,
  type TKeyCollation,
} from './table-sql';

type TCopyStream = ReturnType<typeof copyFrom>;

/**
 * Feeds validated rows into PostgreSQL with COPY FROM STDIN, one stream per table,
 * one write per batch (a write per row is 8x slower; docs/decisions/0002-copy-loads.md).
 */
export function createCopyWriter(client: TSqlClient, inputSetId: number) {
  let current: { table: TTableName; stream: TCopyStream; done: Promise<void> } | undefined;
  const prefix = Buffer.from(`${inputSetId}\t`, 'latin1');
  const scratch = createByteWriter();

  async function finishCurrent(): Promise<void> {
    if (!current) return;
    const { stream, done } = current;
    current = undefined;
    stream.end();
    await done;
  }

  /**
   * Ends an open COPY with CopyFail (pg-copy-streams' destroy), after a failure outside
   * the database: left open, it would hold the connection, and the transaction's
   * ROLLBACK would queue behind it for ever, the label lock with it. Never throws.
   */
  async function abort(reason: unknown): Promise<void> {
    if (!current) return;
    const { stream, done } = current;
    current = undefined;
    stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await done.catch(() => {});
  }

  async function write(table: TTableName, rows: readonly TValidRow[]): Promise<void> {
    if (current?.table !== table) {
      await finishCurrent();
      const stream = client.query(copyFrom(copyFromSql(table)));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
        // After abort: PostgreSQL has refused the COPY (an 'error' came first) or the stream just closed.
        stream.on('close', () => resolve());
      });
      // Surface a COPY error through `done` even while nobody awaits it yet.
      done.catch(() => {});
      current = { table, stream, done };
    }
    const { stream } = current;
    // One write per batch; the rows' cells are in the COPY column order already.
    scratch.length = 0;
    for (const row of rows) {
      reserveBytes(scratch, prefix.length);
      for (let i = 0; i < prefix.length; i++) scratch.bytes[scratch.length++] = prefix[i]!;
      for (let i = 0; i < row.length; i++) writeCopyValue(scratch, row[i] ?? null, i > 0 ? TAB : -1);
      reserveBytes(scratch, 1);
      scratch.bytes[scratch.length++] = LF;
    }
    // A copy: the stream may hold the chunk while the scratch buffer is refilled.
    const chunk = Buffer.from(scratch.bytes.subarray(0, scratch.length));
    if (!stream.write(chunk)) {
      await Promise.race([once(stream, 'drain'), current.done]);
    }
  }

  return { write, finish: finishCurrent, abort };
}

/**
 * Streams one revision's rows of a table in natural key order (COPY ... TO STDOUT),
 * calling `onRow` for each; memory stays bounded by one chunk.
 */
export async function streamRows(
  client: TSqlClient,
  table: TTableName,
  inputSetId: number,
  onRow: (row: TRow) => void,
  collation: TKeyCollation = 'explicit-c',
): Promise<number> {
  const columns = tableColumns(table);
  const stream = client.query(copyTo(`COPY (${selectRowsSql(table, inputSetId, collation)}) TO STDOUT`));
  let rest = '';
  let count = 0;
  const decoder = new TextDecoder();
  const emit = (line: string) => {
    const fields = line.split('\t');
    const row: TRow = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = parseCopyTextValue(fields[i] ?? '\\N');
    onRow(row);
    count += 1;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      emit(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest.length > 0) emit(rest);
  return count;
}

const BACKSLASH = 0x5c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const FIRST_NON_ASCII = 0x80;
/** `\N`, COPY's NULL. */
const NULL_TEXT = [BACKSLASH, 0x4e];

/**
 * Appends `separator` (unless -1) and one value in COPY's text format: ASCII without
 * anything to escape and BMP characters byte by byte as UTF-8 (nearly every cell), anything
 * else (escapes, surrogates) as copyTextValue writes it.
 */
function writeCopyValue(out: TByteWriter, value: string | null, separator: number): void {
  if (separator !== -1) {
    reserveBytes(out, 1);
    out.bytes[out.length++] = separator;
  }
  if (value === null) {
    reserveBytes(out, 2);
    out.bytes[out.length++] = NULL_TEXT[0]!;
    out.bytes[out.length++] = NULL_TEXT[1]!;
    return;
  }
  const length = value.length;
  // Escaping doubles an ASCII byte at most; a UTF-16 unit is 3 UTF-8 bytes at most.
  reserveBytes(out, length * 3);
  const bytes = out.bytes;
  let pos = out.length;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= FIRST_NON_ASCII) pos = writeNonAsciiUnit(bytes, pos, code);
    else if (code === BACKSLASH || code === TAB || code === LF || code === CR) pos = -1;
    else bytes[pos++] = code;
    if (pos === -1) {
      out.length += bytes.write(copyTextValue(value), out.length, 'utf8');
      return;
    }
  }
  out.length = pos;
}

/**
 * Streams the text of a one-column query as COPY ... TO STDOUT writes it, one
 * line per row, with COPY's backslash escapes undone. For values without tabs,
 * newlines or backslashes (e.g. JSON lines, which escape their control
 * characters) that is the values' own UTF-8, each followed by `\n`. Chunks are
 * handed on as they arrive, without being decoded.
 */
export async function streamCopyText(
  client: TSqlClient,
  selectSql: string,
  onBytes: (bytes: Uint8Array) => void,
): Promise<void> {
  const stream = client.query(copyTo(`COPY (${selectSql}) TO STDOUT`));
  let isEscaping = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!isEscaping && !chunk.includes(BACKSLASH)) {
      onBytes(chunk);
      continue;
    }
    const unescaped = Buffer.allocUnsafe(chunk.length);
    let length = 0;
    for (const byte of chunk) {
      if (isEscaping) {
        unescaped[length++] = unescapeCopyByte(byte);
        isEscaping = false;
      } else if (byte === BACKSLASH) {
        isEscaping = true;
      } else {
        unescaped[length++] = byte;
      }
    }
    onBytes(unescaped.subarray(0, length));
  }
}

/** The byte a COPY text escape `\x` stands for (the one-letter escapes COPY writes; else x itself). */
export function unescapeCopyByte(byte: number): number {
  switch (byte) {
    case 0x62: // b
      return 0x08;
    case 0x66: // f
      return 0x0c;
    case 0x6e: // n
      return 0x0a;
    case 0x72: // r
      return 0x0d;
    case 0x74: // t
      return 0x09;
    case 0x76: // v
      return 0x0b;
    default:
      return byte;
  }
}
