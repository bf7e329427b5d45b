import { problemMessage, type TProblemMessage } from '../validation/problem-list';
import { CsvRecordScanner, type TCsvScanErrorCode } from './csv-record-scanner';

/** A cell longer than this is an unclosed quote swallowing the file; stop instead of buffering it all. */
export const MAX_RECORD_CHARS = 1_000_000;

export type TCsvRecordHandlers = {
  /** The first record (line 1). */
  onHeader: (cells: string[]) => void;
  /** A well-formed record: as many cells as the header, no NUL. `line` is where it starts (header = 1). */
  onRecord: (cells: string[], line: number) => void;
  /** A record that cannot be read: its line, why (an `unparsable_row` message) and its raw text if known. */
  onUnparsable: (line: number, detail: TProblemMessage, value: string | null) => void;
  /** Awaited after each chunk is parsed (the caller flushes its row batches there). */
  afterChunk?: () => Promise<void>;
};

type TLineTracker = { previousInfoLines: number; crlfInQuotes: number; lastEndLine: number };

/**
 * Streams CSV records (RFC 4180, header row required) from UTF-8 chunks, giving each
 * record the line a spreadsheet shows for it. Ragged rows, stray quotes and NUL
 * bytes become `onUnparsable` calls and reading goes on; an unclosed quote ends
 * the file. Rows whose cells are all empty are skipped (Excel writes `,,,,`).
 * A BOM is not removed (readAsUtf8 does that): it stays in the first cell.
 */
export async function readCsvRecords(
  chunks: AsyncIterable<Buffer>,
  handlers: TCsvRecordHandlers,
): Promise<{ hasHeader: boolean }> {
  let headerLength = -1;
  let hasNul = false;
  let isAborted = false;
  const lines: TLineTracker = { previousInfoLines: 0, crlfInQuotes: 0, lastEndLine: 0 };

  const push = (cells: string[], infoLines: number): void => {
    const endLine = trackEndLine(cells, infoLines, lines);
    if (headerLength === -1) {
      headerLength = cells.length;
      handlers.onHeader(cells);
      return;
    }
    const line = endLine - countLineBreaks(cells, endLine - lines.lastEndLine);
    lines.lastEndLine = endLine;
    if (isBlankRecord(cells)) return;
    if (hasNul && cells.some((cell) => cell.includes('\u0000'))) {
      handlers.onUnparsable(line, problemMessage('problem.unparsable_row.nul_byte', {}), null);
      return;
    }
    if (cells.length !== headerLength) {
      handlers.onUnparsable(
        line,
        problemMessage('problem.unparsable_row.cell_count', {
          cells: cells.length,
          headerCells: headerLength,
        }),
        cells.join(','),
      );
      return;
    }
    handlers.onRecord(cells, line);
  };
  const scanner = new CsvRecordScanner({
    maxRecordSize: MAX_RECORD_CHARS,
    onRecord: push,
    onError: (code, infoLines) => {
      if (code === 'CSV_MAX_RECORD_SIZE' || code === 'CSV_QUOTE_NOT_CLOSED') isAborted = true;
      const described = describeScanError(code, infoLines, lines);
      handlers.onUnparsable(described.line, described.detail, null);
    },
  });

  for await (const chunk of chunks) {
    if (!hasNul && chunk.indexOf(0) !== -1) hasNul = true;
    scanner.write(chunk);
    if (isAborted) return { hasHeader: headerLength !== -1 };
    await handlers.afterChunk?.();
  }
  scanner.end();
  await handlers.afterChunk?.();
  return { hasHeader: headerLength !== -1 };
}

/**
 * The scanner counts a CRLF inside a quoted cell as two lines (as csv-parse did);
 * correct for it so the end line of each record is the spreadsheet's.
 */
function trackEndLine(cells: string[], infoLines: number, lines: TLineTracker): number {
  if (infoLines - lines.previousInfoLines > 1) {
    for (const cell of cells) lines.crlfInQuotes += countOccurrences(cell, '\r\n');
  }
  lines.previousInfoLines = infoLines;
  const endLine = infoLines - lines.crlfInQuotes;
  if (lines.lastEndLine === 0) lines.lastEndLine = endLine;
  return endLine;
}

/** Line breaks inside the record's quoted cells (only looked for when the record spans lines). */
function countLineBreaks(cells: string[], span: number): number {
  if (span <= 1) return 0;
  let breaks = 0;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 10 || (code === 13 && cell.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

function isBlankRecord(cells: string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

function describeScanError(
  code: TCsvScanErrorCode,
  infoLines: number,
  lines: TLineTracker,
): { line: number; detail: TProblemMessage } {
  const errorLine = infoLines - lines.crlfInQuotes;
  const startLine = lines.lastEndLine + 1;
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return { line: errorLine, detail: problemMessage('problem.unparsable_row.stray_quote', {}) };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line: errorLine, detail: problemMessage('problem.unparsable_row.after_closing_quote', {}) };
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line: startLine,
        detail: problemMessage('problem.unparsable_row.quote_not_closed', {
          lastLine: Math.max(startLine, errorLine),
        }),
      };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        line: startLine,
        detail: problemMessage('problem.unparsable_row.record_too_long', {
          maxChars: MAX_RECORD_CHARS.toLocaleString('en'),
        }),
      };
  }
}
