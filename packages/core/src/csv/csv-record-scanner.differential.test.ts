import { Parser } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordScanner } from './csv-record-scanner';

/**
 * The hand-written scanner replaced csv-parse 7 for speed (docs/decisions/0009). It must
 * keep csv-parse's records, line counts and errors exactly, since the row numbers
 * planners see are derived from them (docs/design.md section 3). This test keeps that
 * comparison in the repository: random inputs made of the characters that matter
 * (quotes, commas, CR, LF, NUL, multi-byte UTF-8), read by both in random chunkings.
 */

type TEvent = ['record', string[], number] | ['error', string, number | null];

type TCsvApi = {
  info: { lines: number };
  parse: (
    chunk: Buffer | undefined,
    isEnd: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ) => Error | undefined;
};

const SEED = 20261206;
const RUNS = 1500;
const MAX_RECORD_SIZE = 24;

function chunksOf(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) chunks.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  return chunks;
}

function scanWithScanner(chunks: Buffer[]): TEvent[] {
  const events: TEvent[] = [];
  const scanner = new CsvRecordScanner({
    maxRecordSize: MAX_RECORD_SIZE,
    onRecord: (cells, lines) => events.push(['record', cells, lines]),
    onError: (code, lines) => events.push(['error', code, code === 'CSV_MAX_RECORD_SIZE' ? null : lines]),
  });
  for (const chunk of chunks) if (!scanner.write(chunk)) return events;
  scanner.end();
  return events;
}

function scanWithCsvParse(chunks: Buffer[]): TEvent[] {
  const events: TEvent[] = [];
  let isStopped = false;
  const parser = new Parser({
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_SIZE,
    on_skip: (error) => {
      if (!error || isStopped) return;
      const code = error.code;
      const lines = (error as unknown as { lines?: number }).lines;
      events.push(['error', code, code === 'CSV_MAX_RECORD_SIZE' ? null : (lines ?? null)]);
      if (code === 'CSV_MAX_RECORD_SIZE' || code === 'CSV_QUOTE_NOT_CLOSED') isStopped = true;
    },
  });
  const api = (parser as unknown as { api: TCsvApi }).api;
  const push = (cells: string[]): void => {
    if (!isStopped) events.push(['record', cells, api.info.lines]);
  };
  const close = (): void => {};
  for (const chunk of [...chunks, undefined]) {
    const error = api.parse(chunk, chunk === undefined, push, close) as
      (Error & { code?: string; lines?: number }) | undefined;
    if (error && !isStopped) {
      const code = error.code ?? 'UNKNOWN';
      events.push(['error', code, code === 'CSV_MAX_RECORD_SIZE' ? null : (error.lines ?? null)]);
      isStopped = true;
    }
    if (isStopped) break;
  }
  return events;
}

const piece = fc.constantFrom(
  'a',
  'b',
  '1',
  ',',
  ',',
  '"',
  '"',
  '""',
  '\r',
  '\n',
  '\r\n',
  ' ',
  'é',
  '漢',
  '\u0000',
);
const csvText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('CsvRecordScanner against csv-parse 7 (differential)', () => {
  it(`reads ${RUNS} random inputs exactly as csv-parse does, in any chunking (seed ${SEED})`, () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat({ max: 60 }), { maxLength: 4 }), (text, cuts) => {
        const bytes = Buffer.from(text);
        expect(scanWithScanner(chunksOf(bytes, cuts))).toEqual(scanWithCsvParse([bytes]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
