import { Parser, type CsvError } from 'csv-parse';

/** A cell longer than this is an unclosed quote swallowing the file; stop instead of buffering it all. */
export const MAX_RECORD_CHARS = 1_000_000;

export type TCsvRecordHandlers = {
  /** The first record (line 1). */
  onHeader: (cells: string[]) => void;
  /** A well-formed record: as many cells as the header, no NUL. `line` is where it starts (header = 1). */
  onRecord: (cells: string[], line: number) => void;
  onUnparsable: (line: number, message: string, value: string | null) => void;
  /** Awaited after each chunk is parsed (the caller flushes its row batches there). */
  afterChunk?: () => Promise<void>;
};

type TCsvApi = {
  info: { lines: number };
  parse: (
    chunk: Buffer | undefined,
    isEnd: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ) => Error | undefined;
};

type TLineTracker = { previousInfoLines: number; crlfInQuotes: number; lastEndLine: number };

/**
 * Streams CSV records (RFC 4180, header row required) with csv-parse, giving each
 * record the line a spreadsheet shows for it. Ragged rows, stray quotes and NUL
 * bytes become `onUnparsable` calls and reading goes on; an unclosed quote ends
 * the file. Rows whose cells are all empty are skipped (Excel writes `,,,,`).
 */
export async function readCsvRecords(
  chunks: AsyncIterable<Buffer>,
  handlers: TCsvRecordHandlers,
): Promise<{ hasHeader: boolean }> {
  let headerLength = -1;
  let hasNul = false;
  let isAborted = false;
  const lines: TLineTracker = { previousInfoLines: 0, crlfInQuotes: 0, lastEndLine: 0 };

  const parser = new Parser({
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error) => {
      if (!error) return;
      const message = describeCsvError(error, lines);
      if (error.code === 'CSV_MAX_RECORD_SIZE' || error.code === 'CSV_QUOTE_NOT_CLOSED') isAborted = true;
      handlers.onUnparsable(message.line, message.text, null);
    },
  });
  // csv-parse's per-record `info` option costs 4x the parse time; reading the live
  // counter of its documented transform API while records are pushed gives the same line.
  const api = (parser as unknown as { api?: TCsvApi }).api;
  if (!api) throw new Error('csv-parse no longer exposes Parser.api; pin csv-parse 7.');

  const push = (cells: string[]): void => {
    const endLine = trackEndLine(cells, api.info.lines, lines);
    if (headerLength === -1) {
      headerLength = cells.length;
      handlers.onHeader(cells);
      return;
    }
    const line = endLine - countLineBreaks(cells, endLine - lines.lastEndLine);
    lines.lastEndLine = endLine;
    if (isBlankRecord(cells)) return;
    if (hasNul && cells.some((cell) => cell.includes('\u0000'))) {
      handlers.onUnparsable(
        line,
        `Line ${line} contains a NUL byte (binary data); save the file as CSV text.`,
        null,
      );
      return;
    }
    if (cells.length !== headerLength) {
      handlers.onUnparsable(
        line,
        `Line ${line} has ${cells.length} cells, but the header has ${headerLength} columns.`,
        cells.join(','),
      );
      return;
    }
    handlers.onRecord(cells, line);
  };
  const close = (): void => {};

  for await (const chunk of chunks) {
    if (!hasNul && chunk.indexOf(0) !== -1) hasNul = true;
    const error = api.parse(chunk, false, push, close);
    if (error) reportFatal(error, lines, handlers);
    if (error || isAborted) return { hasHeader: headerLength !== -1 };
    await handlers.afterChunk?.();
  }
  const error = api.parse(undefined, true, push, close);
  if (error) reportFatal(error, lines, handlers);
  await handlers.afterChunk?.();
  return { hasHeader: headerLength !== -1 };
}

/**
 * csv-parse counts a CRLF inside a quoted cell as two lines; correct for it so
 * the end line of each record is the spreadsheet's.
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

function describeCsvError(error: CsvError, lines: TLineTracker): { line: number; text: string } {
  const errorLine =
    typeof error['lines'] === 'number'
      ? (error['lines'] as number) - lines.crlfInQuotes
      : lines.lastEndLine + 1;
  const startLine = lines.lastEndLine + 1;
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return {
        line: errorLine,
        text: `Line ${errorLine} has a quote (") inside a cell that does not start with one; put the whole cell in quotes and double the inner quote ("").`,
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        line: errorLine,
        text: `Line ${errorLine} has characters right after a closing quote; a quoted cell must end at a comma or the line end.`,
      };
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line: startLine,
        text: `The quote opened on line ${startLine} is never closed; lines ${startLine} to ${Math.max(startLine, errorLine)} could not be read.`,
      };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        line: startLine,
        text: `The row starting on line ${startLine} runs over ${MAX_RECORD_CHARS.toLocaleString('en')} characters (an unclosed quote?); the rest of the file was not read.`,
      };
    default:
      return { line: errorLine, text: `Line ${errorLine} could not be read: ${error.message}` };
  }
}

function reportFatal(error: Error, lines: TLineTracker, handlers: TCsvRecordHandlers): void {
  const line = lines.lastEndLine + 1;
  handlers.onUnparsable(
    line,
    `Line ${line} could not be read (${error.message}); the rest of the file was not read.`,
    null,
  );
}
