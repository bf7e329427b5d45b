import { describe, expect, it } from 'vitest';
import { decodeSpan, detectEncoding, formatCell, locateRecords, splitRecord } from './csv-records';
import { encodeText } from './encode-text';

const bytesOf = (text: string) => new TextEncoder().encode(text);

function recordsOf(text: string, lines: number[]) {
  const bytes = bytesOf(text);
  const found = locateRecords(bytes, new Set(lines));
  return Object.fromEntries([...found].map(([line, span]) => [line, decodeSpan(bytes, span, 'utf-8')]));
}

describe('locateRecords', () => {
  it('finds rows by the line a spreadsheet shows them on', () => {
    expect(recordsOf('a,b\n1,2\n3,4\n', [1, 3])).toEqual({ 1: 'a,b', 3: '3,4' });
  });

  it('counts the lines inside a quoted cell, CRLF once, and finds the last row without a line break', () => {
    const text = 'a,b\r\n"x\r\ny",2\r\n5,6';
    expect(recordsOf(text, [2, 4])).toEqual({ 2: '"x\r\ny",2', 4: '5,6' });
  });

  it('skips a BOM, and blank rows keep their line', () => {
    expect(recordsOf('\uFEFFa,b\n\n7,8\n', [1, 3])).toEqual({ 1: 'a,b', 3: '7,8' });
  });

  it('takes another kind of line break than the first as text of the cell, as the server does', () => {
    expect(recordsOf('a,b\r\n1\n1,2\r\n3,4\r\n', [2, 4])).toEqual({ 2: '1\n1,2', 4: '3,4' });
  });

  it('finds nothing after a quote that is never closed', () => {
    expect(recordsOf('a,b\n"1,2\n3,4\n', [2, 3])).toEqual({});
  });

  it('finds rows of a Shift_JIS file by its bytes', () => {
    const bytes = encodeText('品目,数量\r\n部品,１２０\r\n表示,5\r\n', 'shift_jis');
    const span = locateRecords(bytes, new Set([3])).get(3)!;
    expect(decodeSpan(bytes, span, 'shift_jis')).toBe('表示,5');
  });
});

describe('splitRecord', () => {
  it('gives each cell its value and its text as written', () => {
    expect(splitRecord('a,"1,234","say ""hi""",')).toEqual([
      { value: 'a', raw: 'a' },
      { value: '1,234', raw: '"1,234"' },
      { value: 'say "hi"', raw: '"say ""hi"""' },
      { value: '', raw: '' },
    ]);
  });

  it('keeps spaces, as the server does', () => {
    expect(splitRecord(' 1 ,x').map((cell) => cell.value)).toEqual([' 1 ', 'x']);
  });
});

describe('detectEncoding', () => {
  it('tells UTF-8 with a BOM, UTF-8 and Shift_JIS apart', () => {
    expect(detectEncoding(bytesOf('\uFEFFa,b'))).toBe('utf-8-bom');
    expect(detectEncoding(bytesOf('部品,1'))).toBe('utf-8');
    expect(detectEncoding(encodeText('部品,1', 'shift_jis'))).toBe('shift_jis');
  });
});

describe('formatCell', () => {
  it('quotes a value with a comma, a quote or a line break only', () => {
    expect(formatCell('1234')).toBe('1234');
    expect(formatCell('1,234')).toBe('"1,234"');
    expect(formatCell('a"b')).toBe('"a""b"');
  });
});
