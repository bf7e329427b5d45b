import { describe, expect, it } from 'vitest';
import { annotateCsv, formatNoteCell } from './annotate-csv';
import { encodeText } from './encode-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

function annotate(csv: string, notes: Record<number, string>) {
  const result = annotateCsv({
    bytes: utf8(csv),
    encoding: 'utf-8',
    notes: new Map(Object.entries(notes).map(([line, note]) => [Number(line), note])),
  });
  return { csv: text(result.bytes), excelRowOf: result.excelRowOf };
}

describe('annotateCsv', () => {
  it('adds a last problems column: the header names it, rows with problems say them, the others get an empty cell', () => {
    expect(annotate('item_code,quantity\nA,1\nB,x\nC,3\n', { 3: 'quantity: not a number' }).csv).toBe(
      'item_code,quantity,problems\nA,1,\nB,x,quantity: not a number\nC,3,\n',
    );
  });

  it('keeps CRLF line ends, a missing final line break and empty lines as they are', () => {
    expect(annotate('a,b\r\n1,2\r\n\r\n3,4', { 4: 'b: too big' }).csv).toBe(
      'a,b,problems\r\n1,2,\r\n\r\n3,4,b: too big',
    );
  });

  it('keeps a BOM at the start', () => {
    const result = annotate('\uFEFFa,b\n1,2\n', { 2: 'b: wrong' });
    expect(result.csv).toBe('\uFEFFa,b,problems\n1,2,b: wrong\n');
  });

  it('writes a CP932 file in CP932, every original byte kept (NEC special characters included)', () => {
    const original = encodeText('品目,数量,メモ\r\n部品A,１２,①番\r\n部品B,5,－\r\n', 'shift_jis');
    const result = annotateCsv({
      bytes: original,
      encoding: 'shift_jis',
      notes: new Map([[2, '数量: 全角の数字です']]),
    });
    const expected = encodeText(
      '品目,数量,メモ,problems\r\n部品A,１２,①番,数量: 全角の数字です\r\n部品B,5,－,\r\n',
      'shift_jis',
    );
    expect(result.bytes).toEqual(expected);
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(result.bytes)).toContain(
      '①番,数量: 全角の数字です',
    );
  });

  it('writes a character CP932 lacks as ?, never failing', () => {
    const original = encodeText('a,b\r\n1,2\r\n', 'shift_jis');
    const result = annotateCsv({
      bytes: original,
      encoding: 'shift_jis',
      notes: new Map([[2, "b: '😀' is not a number"]]),
    });
    expect(new TextDecoder('shift_jis').decode(result.bytes)).toBe(
      "a,b,problems\r\n1,2,b: '?' is not a number\r\n",
    );
  });

  it('treats a quoted line break as part of its row: notes go on records, and rows are counted as a spreadsheet shows them', () => {
    const csv = 'code,note\r\nA,"two\r\nlines"\r\nB,x\r\nC,"a\nb\nc"\r\nD,y\r\n';
    // Lines: header 1, A 2-3, B 4, C 5-7, D 8.
    const result = annotate(csv, { 4: 'note: wrong', 8: 'code: bad' });
    expect(result.csv).toBe(
      'code,note,problems\r\nA,"two\r\nlines",\r\nB,x,note: wrong\r\nC,"a\nb\nc",\r\nD,y,code: bad\r\n',
    );
    expect([1, 2, 3, 4, 5, 7, 8].map(result.excelRowOf)).toEqual([1, 2, 2, 3, 4, 4, 5]);
  });

  it('guards a note against formulas and quotes it as RFC 4180 does', () => {
    expect(formatNoteCell('-5 is below 0')).toBe("'-5 is below 0");
    expect(formatNoteCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(formatNoteCell('@x, +y')).toBe('"\'@x, +y"');
    expect(formatNoteCell('quantity: \'1,234\' has a "comma"')).toBe('"quantity: \'1,234\' has a ""comma"""');
    expect(annotate('a\n1\n', { 2: '+81 is, not a code' }).csv).toBe(
      'a,problems\n1,"\'+81 is, not a code"\n',
    );
  });

  it('rewrites the problems column of a file annotated before instead of adding a second one', () => {
    const annotated = 'a,b,problems\r\n1,x,"b: not a number, again"\r\n2,y,b: stale\r\n3,3,\r\n';
    expect(annotate(annotated, { 4: 'a: new' }).csv).toBe('a,b,problems\r\n1,x,\r\n2,y,\r\n3,3,a: new\r\n');
  });

  it('leaves a file without problems and without a problems column byte for byte', () => {
    const bytes = utf8('a,b\n1,2\n');
    expect(annotateCsv({ bytes, encoding: 'utf-8', notes: new Map() }).bytes).toBe(bytes);
  });

  it('appends to a ragged row too: the note says what is wrong with it', () => {
    expect(annotate('a,b\n1,2,3\n', { 2: 'Line 2 has 3 cells, but the header has 2 columns.' }).csv).toBe(
      'a,b,problems\n1,2,3,"Line 2 has 3 cells, but the header has 2 columns."\n',
    );
  });
});
