import { describe, expect, it } from 'vitest';
import { CsvRecordScanner } from './csv-record-scanner';

/** The scanner's records and errors, the same whatever the chunk size. */
function scan(text: string, maxRecordSize = 100): unknown[] {
  const bytes = Buffer.from(text);
  const runs = [1, 3, bytes.length || 1].map((size) => {
    const events: unknown[] = [];
    const scanner = new CsvRecordScanner({
      maxRecordSize,
      onRecord: (cells, lines) => events.push(['record', cells, lines]),
      onError: (code, lines) => events.push(['error', code, code === 'CSV_MAX_RECORD_SIZE' ? null : lines]),
    });
    for (let i = 0; i < bytes.length; i += size) scanner.write(bytes.subarray(i, i + size));
    scanner.end();
    return events;
  });
  expect(runs[1]).toEqual(runs[0]);
  expect(runs[2]).toEqual(runs[0]);
  return runs[0]!;
}

describe('CsvRecordScanner (what csv-parse 7 did)', () => {
  it('fixes the record delimiter at the first line break outside quotes; other line breaks are cell text', () => {
    expect(scan('a,b\r\n1,2\n3\r\n4,\r5\r\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['record', ['1', '2\n3'], 3],
      ['record', ['4', '\r5'], 5],
    ]);
  });

  it('reports every stray quote of a record and drops the record', () => {
    expect(scan('a,b\n1,x"y"z\n2,3\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['error', 'INVALID_OPENING_QUOTE', 2],
      ['error', 'INVALID_OPENING_QUOTE', 2],
      ['record', ['2', '3'], 3],
    ]);
  });

  it('stays in quotes after text follows a closing quote, up to a quote that ends the cell', () => {
    expect(scan('a,b\n"1"x,"y\n2"\n3,4\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['error', 'CSV_INVALID_CLOSING_QUOTE', 2],
      ['error', 'CSV_INVALID_CLOSING_QUOTE', 2],
      ['record', ['3', '4'], 4],
    ]);
    expect(scan('a\r\n"b"\n"c"\r\n')).toEqual([
      ['record', ['a'], 1],
      ['error', 'CSV_INVALID_CLOSING_QUOTE', 2],
      ['error', 'CSV_INVALID_CLOSING_QUOTE', 3],
    ]);
  });

  it('closes a quote before a NUL byte and keeps what follows in the cell', () => {
    expect(scan('a,b\n"1"\u0000x,2\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['record', ['1\u0000x', '2'], 2],
    ]);
  });

  it('counts a quoted CRLF as two lines and keeps doubled quotes as one', () => {
    expect(scan('a,b\n"1\r\n""2""",3\n4,5\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['record', ['1\r\n"2"', '3'], 4],
      ['record', ['4', '5'], 5],
    ]);
  });

  it('measures the size limit as csv-parse did: earlier cells in characters, the current cell in bytes', () => {
    expect(scan('ab,東\n', 4)).toEqual([['record', ['ab', '東'], 1]]);
    expect(scan('abc,東\n', 4)).toEqual([['error', 'CSV_MAX_RECORD_SIZE', null]]);
    expect(scan('ab,cde\n', 4)).toEqual([['record', ['ab', 'cde'], 1]]);
    expect(scan('ab,cdef\n', 4)).toEqual([['error', 'CSV_MAX_RECORD_SIZE', null]]);
  });

  it('decodes each cell from UTF-8 on its own, also across chunks, and keeps a BOM', () => {
    expect(scan('\uFEFFa,東京\n"x,😀",ok\n')).toEqual([
      ['record', ['\uFEFFa', '東京'], 1],
      ['record', ['x,😀', 'ok'], 2],
    ]);
    expect(scan('a\n\uFEFF"b"\n')).toEqual([
      ['record', ['a'], 1],
      ['error', 'INVALID_OPENING_QUOTE', 2],
      ['error', 'INVALID_OPENING_QUOTE', 2],
    ]);
  });

  it('reports a quote still open at the end, on the line counter of its last byte', () => {
    expect(scan('a,b\n1,"2\n')).toEqual([
      ['record', ['a', 'b'], 1],
      ['error', 'CSV_QUOTE_NOT_CLOSED', 2],
    ]);
  });
});
