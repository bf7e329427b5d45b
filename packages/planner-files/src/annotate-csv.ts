import { ANNOTATION_COLUMN } from '@planning-hub/contracts/problems';
import { concatBytes } from './concat-bytes';
import {
  decodeSpan,
  formatCell,
  splitRecord,
  walkRecords,
  type TFileEncoding,
  type TRecordSpan,
} from './csv-records';
import { encodeText } from './encode-text';
import { guardFormula } from './safe-csv';

/**
 * Writing each row's problems into the planner's own CSV file (docs/design.md section 3):
 * the bytes as dropped, with one more last cell per record, `problems` in the header, the
 * row's problems or nothing in the others. Encoding, BOM, line breaks and every other
 * byte stay. A file annotated before (its header ends with `problems`) gets that cell
 * rewritten rather than a second one.
 */

export type TAnnotatedCsv = {
  bytes: Uint8Array;
  /** The row a spreadsheet shows a record on (a quoted line break does not start a row), by the record's first line. */
  excelRowOf: (line: number) => number;
};

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** Written for a character the file's encoding lacks (Shift_JIS has no emoji). */
const REPLACEMENT = '?';

/** Byte offsets where each cell of a record starts (a comma outside quotes ends a cell). */
function cellStarts(bytes: Uint8Array, span: TRecordSpan): number[] {
  const starts = [span.start];
  let isQuoted = false;
  for (let i = span.start; i < span.end; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) isQuoted = !isQuoted;
    else if (byte === COMMA && !isQuoted) starts.push(i + 1);
  }
  return starts;
}

/** The text of a `problems` cell: formula-safe, then quoted when it must be. */
export function formatNoteCell(note: string): string {
  return note === '' ? '' : formatCell(guardFormula(note));
}

/** How many lines a record spans: one, plus the line breaks inside its quoted cells. */
function countLines(bytes: Uint8Array, span: TRecordSpan): number {
  let lines = 1;
  for (let i = span.start; i < span.end; i++) {
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) lines += 1;
  }
  return lines;
}

/** Spreadsheet rows by line: a line inside a record is on the record's row; lines past the records read count one row each. */
function rowReader(bytes: Uint8Array, spans: readonly TRecordSpan[]): (line: number) => number {
  const last = spans[spans.length - 1];
  const lastLine = last ? last.line + countLines(bytes, last) - 1 : 0;
  return (line) => {
    if (line > lastLine) return spans.length + (line - lastLine);
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (spans[middle]!.line <= line) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/**
 * The file with `notes` (a row's problems as text, by the record's first line, header = 1)
 * in a last `problems` column. Unchanged bytes when there is nothing to write or clear.
 */
export function annotateCsv(options: {
  bytes: Uint8Array;
  encoding: TFileEncoding;
  notes: ReadonlyMap<number, string>;
}): TAnnotatedCsv {
  const { bytes, encoding, notes } = options;
  const spans: TRecordSpan[] = [];
  walkRecords(bytes, (span) => {
    spans.push(span);
    return true;
  });
  const excelRowOf = rowReader(bytes, spans);
  const header = spans[0];
  if (!header) return { bytes, excelRowOf };
  const headerCells = splitRecord(decodeSpan(bytes, header, encoding));
  // Annotated before: the last cell is rewritten, never a second `problems` column added.
  const isRewrite =
    headerCells.length > 1 && headerCells[headerCells.length - 1]!.value === ANNOTATION_COLUMN;
  if (notes.size === 0 && !isRewrite) return { bytes, excelRowOf };

  const pieces: Uint8Array[] = [];
  let position = 0;
  const writeAt = (from: number, text: string, to: number) => {
    pieces.push(bytes.subarray(position, from), encodeText(text, encoding, REPLACEMENT));
    position = to;
  };
  for (const span of spans) {
    if (span === header) {
      if (!isRewrite) writeAt(span.end, `,${ANNOTATION_COLUMN}`, span.end);
      continue;
    }
    // An empty line is an empty row to a spreadsheet and skipped by the upload: left as it is.
    if (span.start === span.end) continue;
    const cell = formatNoteCell(notes.get(span.line) ?? '');
    const starts = isRewrite ? cellStarts(bytes, span) : [];
    if (isRewrite && starts.length === headerCells.length)
      writeAt(starts[starts.length - 1]!, cell, span.end);
    else writeAt(span.end, `,${cell}`, span.end);
  }
  pieces.push(bytes.subarray(position));
  return { bytes: concatBytes(pieces), excelRowOf };
}
