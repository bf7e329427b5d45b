import { describe, expect, it } from 'vitest';
import {
  addExact,
  compareExact,
  formatExact,
  mantissaOf,
  parseExact,
  percentExact,
  subtractExact,
} from '../../src/services/diff/exact-decimal';
import { toleranceTest } from '../../src/services/diff/diff-tolerance-apply';
import { dimensionOfGrouping } from '../../src/services/diff/measure-totals';

const exact = parseExact;

describe('exact decimals', () => {
  it('adds and subtracts exactly, whatever the scale and size', () => {
    expect(formatExact(addExact(exact('0.1'), exact('0.2')))).toBe('0.3');
    expect(formatExact(addExact(exact('100.50'), exact('-100.5')))).toBe('0');
    expect(formatExact(subtractExact(exact('1'), exact('1000.001')))).toBe('-999.001');
    const big = '12345678901234567890123456789012345678';
    expect(formatExact(addExact(exact(big), exact('0.00000000000000000001')))).toBe(
      `${big}.00000000000000000001`,
    );
  });

  it('writes numbers as the bundle does: no trailing zeros, no -0', () => {
    expect(formatExact(exact('100.500'))).toBe('100.5');
    expect(formatExact(exact('-0.000'))).toBe('0');
    expect(formatExact(exact('0.05'))).toBe('0.05');
    expect(formatExact(exact('-7'))).toBe('-7');
  });

  it('compares by value', () => {
    expect(compareExact(exact('1.50'), exact('1.5'))).toBe(0);
    expect(compareExact(exact('-2'), exact('1'))).toBe(-1);
    expect(compareExact(exact('10.01'), exact('10.001'))).toBe(1);
  });

  it('gives percent of |before| to 4 places, half away from zero, null when before is 0', () => {
    expect(percentExact(exact('431'), exact('1520'))).toBe('28.3553');
    expect(percentExact(exact('-70'), exact('70'))).toBe('-100');
    expect(percentExact(exact('5'), exact('-10'))).toBe('50');
    expect(percentExact(exact('1'), exact('3'))).toBe('33.3333');
    expect(percentExact(exact('2'), exact('3'))).toBe('66.6667');
    expect(percentExact(exact('-2'), exact('3'))).toBe('-66.6667');
    expect(percentExact(exact('1'), exact('100000000'))).toBe('0');
    expect(percentExact(exact('3'), exact('0'))).toBeNull();
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['1e3', '', '1.', '.5', '+1', 'NaN'])
      expect(() => parseExact(bad)).toThrow(/not a plain decimal/);
  });

  it('keeps a mantissa only while it is exact as a float', () => {
    expect(mantissaOf('-123.45')).toEqual({ mantissa: -12345, scale: 2 });
    expect(mantissaOf('7')).toEqual({ mantissa: 7, scale: 0 });
    expect(mantissaOf('9007199254740991')).toEqual({ mantissa: 9007199254740991, scale: 0 });
    expect(mantissaOf('9007199254740993')).toBeNull();
    expect(mantissaOf('1234567890.123456789')).toBeNull();
  });
});

describe('toleranceTest', () => {
  it('hides a change strictly below an absolute tolerance', () => {
    const isBelow = toleranceTest({ absolute: '10' });
    expect(isBelow(exact('9.999'), exact('100'))).toBe(true);
    expect(isBelow(exact('-9.999'), exact('100'))).toBe(true);
    expect(isBelow(exact('10'), exact('100'))).toBe(false);
    expect(isBelow(exact('10.0000000000000000001'), null)).toBe(false);
  });

  it('hides a change strictly below a percent of the old value, exactly at the limit too', () => {
    const isBelow = toleranceTest({ relative: 0.5 });
    expect(isBelow(exact('0.4999'), exact('100'))).toBe(true);
    expect(isBelow(exact('0.5'), exact('100'))).toBe(false);
    expect(isBelow(exact('-1'), exact('1000'))).toBe(true);
    expect(isBelow(exact('1'), exact('-1000'))).toBe(true);
    // Old 0 or empty: no ratio, so a relative tolerance hides nothing.
    expect(isBelow(exact('0.0001'), exact('0'))).toBe(false);
    expect(isBelow(exact('0.0001'), null)).toBe(false);
    // 0.1% of 1000 is exactly 1 even where floats would round: 0.1 * 1000 / 100.
    expect(toleranceTest({ relative: 0.1 })(exact('1'), exact('1000'))).toBe(false);
    expect(toleranceTest({ relative: 0.3 })(exact('0.3'), exact('100'))).toBe(false);
  });

  it('hides a change below either limit when both are given', () => {
    const isBelow = toleranceTest({ absolute: '1', relative: 1 });
    expect(isBelow(exact('0.5'), exact('10'))).toBe(true);
    expect(isBelow(exact('5'), exact('1000'))).toBe(true);
    expect(isBelow(exact('5'), exact('100'))).toBe(false);
  });
});

describe('dimensionOfGrouping', () => {
  it('reads which dimension a GROUPING() row totals, null for the grand total', () => {
    expect(dimensionOfGrouping(0b011, 3)).toBe(0);
    expect(dimensionOfGrouping(0b101, 3)).toBe(1);
    expect(dimensionOfGrouping(0b110, 3)).toBe(2);
    expect(dimensionOfGrouping(0b111, 3)).toBeNull();
    expect(dimensionOfGrouping(0b01, 2)).toBe(0);
    expect(dimensionOfGrouping(0b10, 2)).toBe(1);
  });
});
