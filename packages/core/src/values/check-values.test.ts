import { describe, expect, it } from 'vitest';
import { canonicalBoolean } from './check-boolean';
import { describeInvalidCode, isValidCode } from './check-code';
import { describeInvalidDate, isValidDate } from './check-date';
import { describeInvalidDecimal } from './check-decimal';
import { canonicalParamValue } from './check-json-value';
import { renderMessage, type TMessage } from '@planning-hub/contracts/messages/format-message';

/** A cell's message in English, its column named `x`. */
const said = (detail: TMessage) =>
  renderMessage('en', { code: detail.code, params: { column: 'x', ...detail.params } });
import { isValidText } from './check-text';

describe('codes', () => {
  it.each([
    '0123',
    '部品-001',
    'A.B/C:D_E-F',
    'ｱｲｳ',
    '２０２７',
    'x'.repeat(64),
    '品'.repeat(64),
    '\u{20b9f}',
  ])('accepts %s', (code) => {
    expect(isValidCode(code)).toBe(true);
  });

  it.each(['', '=SUM(A1)', '+1', '-5', '@cmd', 'A B', 'A,B', 'x'.repeat(65), '品'.repeat(65), 'A\tB', 'A#1'])(
    'refuses %j',
    (code) => {
      expect(isValidCode(code)).toBe(false);
    },
  );

  it('says what is wrong with a code', () => {
    expect(said(describeInvalidCode('=SUM(A1)'))).toBe(
      "x '=SUM(A1)' must not start with '=' (a spreadsheet would run it as a formula).",
    );
    expect(said(describeInvalidCode('A B'))).toBe(
      "x 'A B' contains a space; codes are letters, digits and _ - . / : only.",
    );
    expect(said(describeInvalidCode('A#1'))).toBe(
      "x 'A#1' contains '#' (U+0023); codes are letters, digits and _ - . / : only.",
    );
  });
});

describe('dates', () => {
  it.each(['2027-01-04', '2024-02-29', '1900-01-01'])('accepts %s', (date) =>
    expect(isValidDate(date)).toBe(true),
  );

  it.each([
    '2027-02-30',
    '2027-13-01',
    '27-01-04',
    '2027/01/04',
    '45000',
    '2027-1-4',
    '0027-01-04',
    '2027-01-04T00:00',
  ])('refuses %s', (date) => expect(isValidDate(date)).toBe(false));

  it('explains Excel serial numbers, two-digit years and impossible days', () => {
    expect(said(describeInvalidDate('46391'))).toMatch(/Excel serial number/);
    expect(said(describeInvalidDate('27/1/4'))).toMatch(/two-digit year/);
    expect(said(describeInvalidDate('2027-02-30'))).toBe(
      "x '2027-02-30' is not a real day (2027-02 has 28 days).",
    );
  });
});

describe('decimals', () => {
  it.each([
    ['1,234', 'has thousands separators; write 1234 without commas'],
    ['１２３', 'uses full-width characters; write half-width digits (123)'],
    ['1.2e3', 'is in exponent notation; write it out (1200)'],
    ['1,5', 'uses a comma as decimal mark; write 1.5'],
    ['+5', "starts with '+'; write 5"],
    [' 5', 'has spaces around it; write 5'],
    ['¥100', 'has a currency or percent sign; write the plain number'],
    ['abc', 'is not a number (plain decimal notation, e.g. 1234.5)'],
  ])('explains %j', (text, hint) => {
    expect(said(describeInvalidDecimal(text))).toBe(`x '${text}' ${hint}.`);
  });
});

describe('booleans and text', () => {
  it('reads true/false/1/0 in any case', () => {
    expect(['true', 'TRUE', 'True', '1'].map(canonicalBoolean)).toEqual(['true', 'true', 'true', 'true']);
    expect(['false', 'FALSE', '0'].map(canonicalBoolean)).toEqual(['false', 'false', 'false']);
    expect(['yes', 'はい', '2', ''].map(canonicalBoolean)).toEqual([null, null, null, null]);
  });

  it('keeps formulas and control characters out of free text (uom)', () => {
    expect(['個', 'pcs', 'kg (net)'].every(isValidText)).toBe(true);
    expect(['=1+1', '+x', '-x', '@x', 'a\nb', 'x'.repeat(65)].some(isValidText)).toBe(false);
  });
});

describe('param values', () => {
  it('refuses what PostgreSQL jsonb cannot store, and keeps the rest canonical', () => {
    expect(canonicalParamValue({ b: [1, 2], a: 'x' })).toEqual({ text: '{"a":"x","b":[1,2]}' });
    expect(canonicalParamValue({ note: 'a\u0000b' })).toEqual({ problem: 'unstorable' });
    expect(canonicalParamValue('\ud800')).toEqual({ problem: 'unstorable' });
    expect(canonicalParamValue('\\u0000 written out')).toEqual({ text: '"\\\\u0000 written out"' });
  });
});
