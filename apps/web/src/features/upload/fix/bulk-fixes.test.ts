import { describe, expect, it } from 'vitest';
import {
  applyBulkFix,
  removeThousandsSeparators,
  toHalfWidthDigits,
  toIsoDate,
  trimSpaces,
} from './bulk-fixes';

describe('toHalfWidthDigits', () => {
  it('writes full-width digits as half-width ones', () => {
    expect(toHalfWidthDigits('１２３')).toBe('123');
    expect(toHalfWidthDigits('１２０．５')).toBe('120.5');
    expect(toHalfWidthDigits('－５')).toBe('-5');
  });

  it('leaves a full-width thousands separator as a comma for the separators fix', () => {
    expect(toHalfWidthDigits('１，２３４')).toBe('1,234');
  });

  it('changes nothing else: letters, kana and half-width digits stay', () => {
    expect(toHalfWidthDigits('部品ＡＢ')).toBe('部品ＡＢ');
    expect(toHalfWidthDigits('120')).toBe('120');
  });
});

describe('trimSpaces', () => {
  it('removes spaces, full-width spaces and tabs around a value, not inside it', () => {
    expect(trimSpaces(' 120 ')).toBe('120');
    expect(trimSpaces('\u3000部品-001\t')).toBe('部品-001');
    expect(trimSpaces('東京 DC')).toBe('東京 DC');
  });
});

describe('removeThousandsSeparators', () => {
  it('removes separators between groups of three digits', () => {
    expect(removeThousandsSeparators('1,234')).toBe('1234');
    expect(removeThousandsSeparators('-12,345,678.25')).toBe('-12345678.25');
  });

  it('never guesses: a decimal comma, odd groups and text stay', () => {
    expect(removeThousandsSeparators('1,5')).toBe('1,5');
    expect(removeThousandsSeparators('12,34')).toBe('12,34');
    expect(removeThousandsSeparators('1,2345')).toBe('1,2345');
    expect(removeThousandsSeparators('a,bcd')).toBe('a,bcd');
  });
});

describe('toIsoDate', () => {
  it('writes year-first dates as YYYY-MM-DD', () => {
    expect(toIsoDate('2027/1/5')).toBe('2027-01-05');
    expect(toIsoDate('2027-1-5')).toBe('2027-01-05');
    expect(toIsoDate('2027.12.31')).toBe('2027-12-31');
    expect(toIsoDate('2027年1月5日')).toBe('2027-01-05');
    expect(toIsoDate('2028/2/29')).toBe('2028-02-29');
  });

  it('leaves two-digit years, Excel serial numbers and day-month orders for the planner', () => {
    expect(toIsoDate('27/1/5')).toBe('27/1/5');
    expect(toIsoDate('46392')).toBe('46392');
    expect(toIsoDate('5/1/2027')).toBe('5/1/2027');
    expect(toIsoDate('01/05/2027')).toBe('01/05/2027');
  });

  it('leaves days that do not exist, years before 1900 and mixed separators', () => {
    expect(toIsoDate('2027/2/29')).toBe('2027/2/29');
    expect(toIsoDate('2027/13/1')).toBe('2027/13/1');
    expect(toIsoDate('0027/1/5')).toBe('0027/1/5');
    expect(toIsoDate('2027/1-5')).toBe('2027/1-5');
  });
});

describe('applyBulkFix', () => {
  it('applies the named fix and answers the value unchanged when it does not apply', () => {
    expect(applyBulkFix('halfWidthDigits', '１２０')).toBe('120');
    expect(applyBulkFix('thousandsSeparators', '1,234')).toBe('1234');
    expect(applyBulkFix('dateFormat', '2027/1/5')).toBe('2027-01-05');
    expect(applyBulkFix('trimSpaces', ' x ')).toBe('x');
    expect(applyBulkFix('dateFormat', 'abc')).toBe('abc');
  });
});
