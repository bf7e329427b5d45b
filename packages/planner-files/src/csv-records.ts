/**
 * Reading a CSV file the planner dropped, in the browser or the CLI, the way the server
 * reads it (packages/core/src/csv): RFC 4180, the first line break outside quotes fixing the record
 * delimiter, rows numbered by the line a spreadsheet shows them on (header = 1). Only the
 * rows asked for are decoded; the bytes stay as dropped, so an edited file differs from
 * the original in its edited rows only.
 *
 * Scanning bytes rather than text is safe in both encodings: `"`, `,`, CR and LF never
 * occur inside a multi-byte character of UTF-8 or Shift_JIS (its trail bytes start at 0x40).
 */

/** As the server reports it per file (`report.encodings`). */
export type TFileEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** Where a record lies in the file's bytes: from `start` to `end`, its line break excluded. */
export type TRecordSpan = { line: number; start: number; end: number };

/** A cell of a record: its value, and its text as written (quotes included). */
export type TCell = { value: string; raw: string };

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

type TDelimiter = 'unknown' | 'lf' | 'cr' | 'crlf';

export function bomLength(bytes: Uint8Array): number {
  return BOM.every((byte, i) => bytes[i] === byte) ? BOM.length : 0;
}

/** The encoding the server would detect: a BOM, else UTF-8 when every byte decodes, else Shift_JIS. */
export function detectEncoding(bytes: Uint8Array): TFileEncoding {
  if (bomLength(bytes) > 0) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

export function isFileEncoding(value: string | undefined): value is TFileEncoding {
  return value === 'utf-8' || value === 'utf-8-bom' || value === 'shift_jis';
}

/**
 * Calls `visit` with the span of each record in file order until it returns false. A
 * record in an unclosed quote at the end of the file is not visited: the server stops
 * reading there.
 */
export function walkRecords(bytes: Uint8Array, visit: (span: TRecordSpan) => boolean): void {
  const length = bytes.length;
  let i = bomLength(bytes);
  let line = 1;
  let recordStart = i;
  let recordLine = 1;
  let isQuoted = false;
  let isCellStart = true;
  let delimiter: TDelimiter = 'unknown';
  while (i < length) {
    const byte = bytes[i]!;
    if (isQuoted) {
      if (byte === QUOTE) {
        if (bytes[i + 1] === QUOTE) i += 2;
        else {
          isQuoted = false;
          i += 1;
        }
        continue;
      }
      if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) line += 1;
      i += 1;
      continue;
    }
    if (byte === QUOTE && isCellStart) {
      isQuoted = true;
      isCellStart = false;
      i += 1;
      continue;
    }
    if (byte === COMMA) {
      isCellStart = true;
      i += 1;
      continue;
    }
    if (byte === CR || byte === LF) {
      const isCrlf = byte === CR && bytes[i + 1] === LF;
      const kind: TDelimiter = isCrlf ? 'crlf' : byte === LF ? 'lf' : 'cr';
      if (delimiter === 'unknown') delimiter = kind;
      const width = isCrlf ? 2 : 1;
      line += 1;
      if (kind === delimiter) {
        if (!visit({ line: recordLine, start: recordStart, end: i })) return;
        recordStart = i + width;
        recordLine = line;
        isCellStart = true;
      } else {
        // Another kind of line break than the file's: text of the cell, as the server reads it.
        isCellStart = false;
      }
      i += width;
      continue;
    }
    isCellStart = false;
    i += 1;
  }
  if (!isQuoted && recordStart < length) visit({ line: recordLine, start: recordStart, end: length });
}

/** The spans of the records starting on `lines` (the header is line 1). */
export function locateRecords(bytes: Uint8Array, lines: ReadonlySet<number>): Map<number, TRecordSpan> {
  const found = new Map<number, TRecordSpan>();
  if (lines.size === 0) return found;
  walkRecords(bytes, (span) => {
    if (lines.has(span.line)) found.set(span.line, span);
    return found.size < lines.size;
  });
  return found;
}

/** The cells of one record's text, with the text each was written as. */
export function splitRecord(text: string): TCell[] {
  const cells: TCell[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          value += text[i];
          i += 1;
        }
      }
    }
    // Unquoted text, or what follows a closing quote (which the server refuses as a row).
    const comma = text.indexOf(',', i);
    const end = comma === -1 ? text.length : comma;
    value += text.slice(i, end);
    cells.push({ value, raw: text.slice(start, end) });
    if (comma === -1) return cells;
    i = comma + 1;
  }
}

function decoderLabel(encoding: TFileEncoding): string {
  return encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
}

/** The text of a record span, decoded as the file's encoding. */
export function decodeSpan(bytes: Uint8Array, span: TRecordSpan, encoding: TFileEncoding): string {
  return new TextDecoder(decoderLabel(encoding)).decode(bytes.subarray(span.start, span.end));
}

/** A value as a CSV cell: quoted when it holds a quote, a comma or a line break. */
export function formatCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
