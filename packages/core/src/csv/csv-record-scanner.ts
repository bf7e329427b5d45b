const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const FIRST_NON_ASCII = 0x80;
/** V8 shares the parent's memory for longer substrings; a cell kept in a Set would pin its 1 MiB chunk. */
const SHARED_SUBSTRING_LENGTH = 13;

/** The record delimiter, fixed by the first line break outside quotes (LF, CR or CRLF). */
const UNKNOWN = 0;
const LF_ONLY = 1;
const CR_ONLY = 2;
const CRLF = 3;

export type TCsvScanErrorCode =
  'INVALID_OPENING_QUOTE' | 'CSV_INVALID_CLOSING_QUOTE' | 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE';

export type TCsvScannerOptions = {
  /** A record over this size stops the scan (CSV_MAX_RECORD_SIZE; see isOverSize). */
  maxRecordSize: number;
  /** `lines` is one plus the CR and LF bytes before the record's line ending (see the class comment). */
  onRecord: (cells: string[], lines: number) => void;
  /**
   * The record in progress is dropped; the scan stops after CSV_QUOTE_NOT_CLOSED and
   * CSV_MAX_RECORD_SIZE. `lines` counts as for onRecord, up to the quote at fault (for
   * CSV_MAX_RECORD_SIZE, up to where the scan noticed it: csv-parse's count is not kept).
   */
  onError: (code: TCsvScanErrorCode, lines: number) => void;
};

/**
 * An RFC 4180 scanner over UTF-8 bytes, written by hand to replace csv-parse for
 * speed (docs/performance.md, Validation): no CSV library reports malformed input
 * the way csv-parse did without its cost (uDSV reports nothing). It behaves exactly
 * as csv-parse 7 did with relax_column_count, skip_records_with_error and
 * max_record_size, so that every row number and message stayed the same, quirks
 * included: the first line break outside quotes fixes the record delimiter and
 * other line breaks are cell text; a quote inside an unquoted cell, or after a
 * closing quote, is kept as text and drops the record; a NUL byte after a quote
 * closes it; the line counter counts a quoted CRLF twice and lags one byte behind
 * (csv-parse's `info.lines`). Bytes are scanned as a latin1 string (one character
 * per byte, delimiters unchanged); each cell is decoded from UTF-8 on its own.
 */
export class CsvRecordScanner {
  private readonly options: TCsvScannerOptions;
  private bytes: Buffer = Buffer.alloc(0);
  /** Bytes held back because they need the next chunk to be understood (2 at most). */
  private carry: Buffer = Buffer.alloc(0);
  private delimiter = UNKNOWN;
  private isQuoting = false;
  private wasQuoting = false;
  private isWaiting = false;
  private isStopped = false;
  /** The current cell: earlier runs as latin1 text, then the bytes from `runStart` to `runEnd` (or the scan position). */
  private cell = '';
  private runStart = 0;
  /** Where a closing quote ended the run, -1 while it goes on. */
  private runEnd = -1;
  private hasNonAscii = false;
  private record: string[] = [];
  private recordLength = 0;
  private hasRecordError = false;
  /** CR and LF bytes scanned, except the LF of a CRLF record delimiter. */
  private lineBreaks = 0;
  private lastByte = -1;

  constructor(options: TCsvScannerOptions) {
    this.options = options;
  }

  /** Scans one chunk; false once the scan has stopped. */
  write(chunk: Uint8Array): boolean {
    if (this.isStopped) return false;
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.scan(this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]), false);
    return !this.isStopped;
  }

  /** Ends the file: an open quote is an error, a last record without line ending is kept. */
  end(): void {
    if (this.isStopped) return;
    this.scan(this.carry, true);
    if (this.isStopped) return;
    const lines = 1 + this.lineBreaks - (this.lastByte === LF || this.lastByte === CR ? 1 : 0);
    if (this.isQuoting) {
      if (this.isOverSize(0)) return this.stopOverSize();
      this.isStopped = true;
      this.options.onError('CSV_QUOTE_NOT_CLOSED', lines);
      return;
    }
    if (this.wasQuoting || this.record.length > 0 || this.cell.length > 0) {
      this.endCell('', 0);
      if (!this.isStopped) this.endRecord(lines);
    }
  }

  private scan(bytes: Buffer, isEnd: boolean): void {
    const length = bytes.length;
    if (length > 0) this.lastByte = bytes[length - 1]!;
    const text = bytes.toString('latin1');
    this.bytes = bytes;
    this.runStart = 0;
    this.isWaiting = false;
    let pos = 0;
    while (pos < length && !this.isStopped && !this.isWaiting) {
      pos = this.isQuoting ? this.scanQuoted(text, pos, isEnd) : this.scanUnquoted(text, pos, isEnd);
    }
    if (this.isStopped) return;
    this.cell += text.slice(this.runStart, this.runEnd >= 0 ? this.runEnd : pos);
    this.runEnd = -1;
    this.carry = bytes.subarray(pos);
    if (!isEnd && this.isOverSize(0)) this.stopOverSize();
  }

  /** Scans outside quotes up to the end of the text or an opening quote; returns where it stopped. */
  private scanUnquoted(text: string, start: number, isEnd: boolean): number {
    const length = text.length;
    for (let pos = start; pos < length; pos++) {
      const code = text.charCodeAt(pos);
      if (code > COMMA) {
        if (code >= FIRST_NON_ASCII) this.hasNonAscii = true;
        continue;
      }
      if (code === COMMA) {
        this.endCell(text, pos);
        if (this.isStopped) return pos;
        this.runStart = pos + 1;
      } else if (code === QUOTE) {
        if (pos === this.runStart && this.cell.length === 0) {
          this.isQuoting = true;
          this.runStart = pos + 1;
          return pos + 1;
        }
        this.reportStrayQuote('INVALID_OPENING_QUOTE', pos);
        if (this.isStopped) return pos;
      } else if (code === LF || code === CR) {
        const delimiterLength = this.recordDelimiterLength(text, pos, isEnd);
        if (delimiterLength < 0) {
          this.isWaiting = true;
          return pos;
        }
        if (delimiterLength === 0) {
          this.lineBreaks++;
          continue;
        }
        this.endCell(text, pos);
        if (this.isStopped) return pos;
        this.endRecord(1 + this.lineBreaks);
        this.lineBreaks++;
        pos += delimiterLength - 1;
        this.runStart = pos + 1;
      }
    }
    return length;
  }

  /** Scans inside quotes up to the end of the text or the closing quote; returns where it stopped. */
  private scanQuoted(text: string, start: number, isEnd: boolean): number {
    const length = text.length;
    for (let pos = start; pos < length; pos++) {
      const code = text.charCodeAt(pos);
      if (code !== QUOTE) {
        if (code === LF || code === CR) this.lineBreaks++;
        else if (code >= FIRST_NON_ASCII) this.hasNonAscii = true;
        continue;
      }
      if (pos + 1 === length && !isEnd) {
        this.isWaiting = true;
        return pos;
      }
      const next = pos + 1 < length ? text.charCodeAt(pos + 1) : -1;
      if (next === QUOTE) {
        // A doubled quote: drop the first, keep the second as text.
        this.cell += text.slice(this.runStart, pos);
        this.runStart = pos + 1;
        pos++;
        continue;
      }
      // csv-parse tests the next byte for falsiness: a NUL closes the quote like the end of the file.
      let isClosing = next === -1 || next === 0 || next === COMMA;
      if (next === LF || next === CR) {
        const delimiterLength = this.recordDelimiterLength(text, pos + 1, isEnd);
        if (delimiterLength < 0) {
          this.isWaiting = true;
          return pos;
        }
        isClosing = delimiterLength > 0;
      }
      if (isClosing) {
        this.closeQuote(text, pos, next === 0);
        return pos + 1;
      }
      this.reportStrayQuote('CSV_INVALID_CLOSING_QUOTE', pos);
      if (this.isStopped) return pos;
    }
    return length;
  }

  private closeQuote(text: string, pos: number, isCellGoingOn: boolean): void {
    this.isQuoting = false;
    this.wasQuoting = true;
    if (isCellGoingOn) {
      this.cell += text.slice(this.runStart, pos);
      this.runStart = pos + 1;
    } else {
      this.runEnd = pos;
    }
  }

  /**
   * The length of the record delimiter at `pos` (a CR or LF), 0 if this line break is
   * cell text, -1 if the next chunk must tell. The first one found fixes the delimiter.
   */
  private recordDelimiterLength(text: string, pos: number, isEnd: boolean): number {
    const code = text.charCodeAt(pos);
    const hasNext = pos + 1 < text.length;
    if (code === CR && !hasNext && !isEnd && this.delimiter !== LF_ONLY && this.delimiter !== CR_ONLY)
      return -1;
    const isCrlf = code === CR && hasNext && text.charCodeAt(pos + 1) === LF;
    if (this.delimiter === UNKNOWN) this.delimiter = isCrlf ? CRLF : code === CR ? CR_ONLY : LF_ONLY;
    if (this.delimiter === CRLF) return isCrlf ? 2 : 0;
    if (this.delimiter === LF_ONLY) return code === LF ? 1 : 0;
    return code === CR ? 1 : 0;
  }

  private reportStrayQuote(code: TCsvScanErrorCode, pos: number): void {
    if (this.isOverSize(pos - this.runStart)) return this.stopOverSize();
    this.hasRecordError = true;
    this.options.onError(code, 1 + this.lineBreaks);
  }

  private endCell(text: string, end: number): void {
    const runEnd = this.runEnd >= 0 ? this.runEnd : end;
    if (this.isOverSize(runEnd - this.runStart)) return this.stopOverSize();
    const cell = this.decodeCell(text, runEnd);
    this.cell = '';
    this.runEnd = -1;
    this.hasNonAscii = false;
    this.wasQuoting = false;
    this.record.push(cell);
    this.recordLength += cell.length;
  }

  /** The current cell as a string of its own (never a substring of the chunk). */
  private decodeCell(text: string, runEnd: number): string {
    const encoding = this.hasNonAscii ? 'utf8' : 'latin1';
    if (this.cell.length > 0) {
      return Buffer.from(this.cell + text.slice(this.runStart, runEnd), 'latin1').toString(encoding);
    }
    if (this.hasNonAscii || runEnd - this.runStart >= SHARED_SUBSTRING_LENGTH) {
      return this.bytes.toString(encoding, this.runStart, runEnd);
    }
    return text.slice(this.runStart, runEnd);
  }

  private endRecord(lines: number): void {
    const record = this.record;
    this.record = [];
    this.recordLength = 0;
    if (this.hasRecordError) {
      this.hasRecordError = false;
      return;
    }
    this.options.onRecord(record, lines);
  }

  /**
   * Whether a byte of the current cell met a record already over the limit, as
   * csv-parse measured it: earlier cells in characters, this cell in bytes
   * (`this.cell` plus `runLength` bytes of the current run), checked before each byte.
   */
  private isOverSize(runLength: number): boolean {
    const cellBytes = this.cell.length + runLength;
    return cellBytes > 0 && this.recordLength + cellBytes - 1 > this.options.maxRecordSize;
  }

  private stopOverSize(): void {
    this.isStopped = true;
    this.options.onError('CSV_MAX_RECORD_SIZE', 1 + this.lineBreaks);
  }
}
