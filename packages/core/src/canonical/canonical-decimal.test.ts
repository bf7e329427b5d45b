import { describe, expect, it } from 'vitest';
import { canonicalDecimal, compareCanonicalDecimals } from './canonical-decimal';

describe('canonicalDecimal', () => {
  it.each([
    ['100.50', '100.5'],
    ['100.5', '100.5'],
    ['0100', '100'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['0.0', '0'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-.25', '-0.25'],
    ['1234567890123456789012345.000000001', '1234567890123456789012345.000000001'],
    ['-12.3400', '-12.34'],
  ])('writes %s as %s', (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
  });

  it.each([
    '',
    '-',
    '.',
    '+1',
    '1,234',
    '１２３',
    '1e3',
    '1E-2',
    ' 1',
    '1 ',
    '0x10',
    'NaN',
    'Infinity',
    '1.2.3',
    '--1',
  ])('refuses %j as not plain decimal notation', (text) => {
    expect(canonicalDecimal(text)).toBeNull();
  });

  it('treats 100.50 and 100.5 as the same number', () => {
    expect(canonicalDecimal('100.50')).toBe(canonicalDecimal('100.5'));
  });
});

describe('compareCanonicalDecimals', () => {
  it.each([
    ['1', '1', 0],
    ['0.5', '1', -1],
    ['1.0001', '1', 1],
    ['-2', '-10', 1],
    ['-0.5', '0', -1],
    ['10', '9.99', 1],
    ['0.25', '0.3', -1],
  ] as const)('compares %s with %s as %d', (a, b, order) => {
    expect(Math.sign(compareCanonicalDecimals(a, b))).toBe(order);
  });
});
