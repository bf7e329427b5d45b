import { describe, expect, it } from 'vitest';
import { formatCsvHeader, formatCsvRow, formatTableRow } from './format-csv-row';
import { readCsvRecords } from './read-csv-records';

describe('formatCsvRow', () => {
  it('quotes only cells that need it (RFC 4180) and writes null as an empty cell', () => {
    expect(formatCsvRow(['部品-001', null, '1,5', 'say "hi"', 'two\nlines', '0123'])).toBe(
      '部品-001,,"1,5","say ""hi""","two\nlines",0123',
    );
  });

  it('writes headers in TABLE_SPECS order', () => {
    expect(formatCsvHeader('demand')).toBe('item_code,location_code,period,quantity,uom');
    expect(
      formatTableRow('inventory', { safety_stock: '0', on_hand: '5', location_code: 'L', item_code: 'I' }),
    ).toBe('I,L,5,0');
  });

  it('reads back exactly what it wrote', async () => {
    const cells = ['a,b', '"', '', 'x\r\ny', ' padded ', '東京'];
    const records: string[][] = [];
    async function* one() {
      yield Buffer.from(`h1,h2,h3,h4,h5,h6\n${formatCsvRow(cells)}\n`);
    }
    await readCsvRecords(one(), {
      onHeader: () => {},
      onRecord: (r) => records.push(r),
      onUnparsable: () => {},
    });
    expect(records).toEqual([cells]);
  });
});
