import { describe, expect, it } from 'vitest';
import { buildChangedRow, decimalDelta, decimalPercent } from './change-record';

describe('decimalDelta', () => {
  it('subtracts exactly, without binary float noise', () => {
    expect(decimalDelta('0.1', '0.3')).toBe('0.2');
    expect(decimalDelta('100', '100.5')).toBe('0.5');
    expect(decimalDelta('80', '60')).toBe('-20');
    expect(decimalDelta('12345678901234567890.123456789', '12345678901234567890.123456790')).toBe(
      '0.000000001',
    );
  });

  it('gives 0 for the same number written differently (100.50 vs 100.5)', () => {
    expect(decimalDelta('100.50', '100.5')).toBe('0');
  });

  it('is null when a side is empty', () => {
    expect(decimalDelta(null, '8')).toBeNull();
    expect(decimalDelta('8', null)).toBeNull();
  });
});

describe('decimalPercent', () => {
  it('is the change relative to the old value, rounded half-up to 4 places', () => {
    expect(decimalPercent('80', '100')).toBe('25');
    expect(decimalPercent('3', '4')).toBe('33.3333');
    expect(decimalPercent('3', '5')).toBe('66.6667');
    expect(decimalPercent('100', '99.99')).toBe('-0.01');
    expect(decimalPercent('100000000', '100000001')).toBe('0');
    expect(decimalPercent('10000', '10001')).toBe('0.01');
  });

  it('reads a rise as positive for a negative old value', () => {
    expect(decimalPercent('-10', '-5')).toBe('50');
    expect(decimalPercent('-10', '-20')).toBe('-100');
  });

  it('is null when the old value is 0 (no meaningful ratio)', () => {
    expect(decimalPercent('0', '5')).toBeNull();
    expect(decimalPercent('0.00', '5')).toBeNull();
  });

  it('is null when a side is empty', () => {
    expect(decimalPercent(null, '5')).toBeNull();
  });
});

describe('buildChangedRow', () => {
  it('adds delta and percent to decimal columns only', () => {
    const row = buildChangedRow('demand', {
      key: { item_code: '部品-001', location_code: '東京', period: '2027-01' },
      changes: [
        { column: 'quantity', old: '80', new: '100' },
        { column: 'uom', old: 'pcs', new: '個' },
      ],
    });
    expect(row).toEqual({
      key: { item_code: '部品-001', location_code: '東京', period: '2027-01' },
      changes: [
        { column: 'quantity', old: '80', new: '100', delta: '20', percent: '25' },
        { column: 'uom', old: 'pcs', new: '個' },
      ],
    });
  });

  it('keeps delta and percent null for an optional decimal that appears', () => {
    const row = buildChangedRow('calendar', {
      key: { date: '2027-01-04' },
      changes: [{ column: 'hours', old: null, new: '8' }],
    });
    expect(row.changes).toEqual([{ column: 'hours', old: null, new: '8', delta: null, percent: null }]);
  });

  it('gives percent null and an exact delta when the old decimal is 0', () => {
    const row = buildChangedRow('inventory', {
      key: { item_code: '0123', location_code: 'OSAKA' },
      changes: [{ column: 'safety_stock', old: '0', new: '2.5' }],
    });
    expect(row.changes[0]).toEqual({
      column: 'safety_stock',
      old: '0',
      new: '2.5',
      delta: '2.5',
      percent: null,
    });
  });
});
