import { describe, expect, it } from 'vitest';
import { formatSafeCsv, formatSafeCsvCell } from './safe-csv';

describe('formatSafeCsvCell', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    expect(formatSafeCsvCell('=1+2')).toBe("'=1+2");
    expect(formatSafeCsvCell('+81')).toBe("'+81");
    expect(formatSafeCsvCell('-5')).toBe("'-5");
    expect(formatSafeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatSafeCsvCell('\t=1')).toBe("'\t=1");
  });

  it('quotes commas, quotes and line breaks as RFC 4180 does, after the formula guard', () => {
    expect(formatSafeCsvCell('1,234')).toBe('"1,234"');
    expect(formatSafeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatSafeCsvCell('a\nb')).toBe('"a\nb"');
    expect(formatSafeCsvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it('writes numbers and empty cells as they are, and other text untouched', () => {
    expect(formatSafeCsvCell(12)).toBe('12');
    expect(formatSafeCsvCell(null)).toBe('');
    expect(formatSafeCsvCell('部品-001')).toBe('部品-001');
    expect(formatSafeCsvCell('１２０')).toBe('１２０');
  });
});

describe('formatSafeCsv', () => {
  it('starts with a BOM so that Excel reads UTF-8, and ends every line with CRLF', () => {
    expect(formatSafeCsv(['a', 'b'], [['1', null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });
});
