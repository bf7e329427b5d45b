import { describe, expect, it } from 'vitest';
import { renderMessage } from '@planning-hub/contracts/messages/format-message';
import { MAX_RECORD_CHARS, readCsvRecords } from './read-csv-records';

async function* chunksOf(text: string, size = 5): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string, size = 5) {
  const records: { cells: string[]; line: number }[] = [];
  const unparsable: { line: number; message: string }[] = [];
  let header: string[] = [];
  await readCsvRecords(chunksOf(text, size), {
    onHeader: (cells) => (header = cells),
    onRecord: (cells, line) => records.push({ cells, line }),
    onUnparsable: (line, detail) =>
      unparsable.push({
        line,
        message: renderMessage('en', { code: detail.code, params: { ...detail.params, row: line } }),
      }),
  });
  return { header, records, unparsable };
}

describe('readCsvRecords', () => {
  it('numbers rows by the line a spreadsheet shows, across quoted multi-line cells (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['a,b', '1,"x', 'y"', '2,z', '3,"p', '', 'q"', '4,w'].join(eol) + eol;
      const { header, records } = await read(text);
      expect(header).toEqual(['a', 'b']);
      expect(records.map((r) => [r.cells[0], r.line])).toEqual([
        ['1', 2],
        ['2', 4],
        ['3', 5],
        ['4', 8],
      ]);
      expect(records[0]!.cells[1]).toBe(`x${eol}y`);
    }
  });

  it('keeps quoted commas, doubled quotes and empty cells', async () => {
    const { records } = await read('a,b,c\n"1,5","say ""hi""",\n');
    expect(records[0]!.cells).toEqual(['1,5', 'say "hi"', '']);
  });

  it('skips blank lines and rows of empty cells but keeps counting lines', async () => {
    const { records } = await read('a,b\n\n,\n1,2\n');
    expect(records).toEqual([{ cells: ['1', '2'], line: 4 }]);
  });

  it('reports a ragged row and goes on', async () => {
    const { records, unparsable } = await read('a,b\n1,2,3\n4\n5,6\n');
    expect(unparsable.map((u) => u.line)).toEqual([2, 3]);
    expect(unparsable[0]!.message).toBe('Line 2 has 3 cells, but the header has 2 columns.');
    expect(records).toEqual([{ cells: ['5', '6'], line: 4 }]);
  });

  it('reports a stray quote inside a cell and goes on', async () => {
    const { records, unparsable } = await read('a,b\n1,x"y\n2,z\n');
    expect(unparsable).toHaveLength(1);
    expect(unparsable[0]!.line).toBe(2);
    expect(records).toEqual([{ cells: ['2', 'z'], line: 3 }]);
  });

  it('reports a quote that is never closed on the line it opens', async () => {
    const { records, unparsable } = await read('a,b\n1,ok\n2,"open\n3,x\n4,y\n');
    expect(records).toEqual([{ cells: ['1', 'ok'], line: 2 }]);
    expect(unparsable).toHaveLength(1);
    expect(unparsable[0]!.line).toBe(3);
    expect(unparsable[0]!.message).toMatch(/quote opened on line 3 is never closed/);
  });

  it('stops reading at an unclosed quote that runs past the record size limit', async () => {
    const text = `a,b\n1,"${'x'.repeat(MAX_RECORD_CHARS + 10)}\n`;
    const { unparsable } = await read(text, 1 << 16);
    expect(unparsable).toHaveLength(1);
    expect(unparsable[0]!.line).toBe(2);
    expect(unparsable[0]!.message).toMatch(/rest of the file was not read/);
  });

  it('reports a row holding a NUL byte', async () => {
    const { records, unparsable } = await read('a,b\n1,x\u0000y\n2,z\n');
    expect(unparsable.map((u) => u.line)).toEqual([2]);
    expect(unparsable[0]!.message).toMatch(/NUL byte/);
    expect(records.map((r) => r.line)).toEqual([3]);
  });

  it('reads a file without a final line break and a header-only file', async () => {
    expect((await read('a,b\n1,2')).records).toEqual([{ cells: ['1', '2'], line: 2 }]);
    expect((await read('a,b\n')).records).toEqual([]);
  });
});
