import { describe, expect, it } from 'vitest';
import { listHorizonPeriods, nextPeriod } from './horizon-periods';

describe('listHorizonPeriods', () => {
  it('walks months across a year end', () => {
    expect(listHorizonPeriods('2027-11', 3, 'month')).toEqual(['2027-11', '2027-12', '2028-01']);
  });

  it('walks ISO weeks through week 53 of a long year', () => {
    // 1 January 2026 is a Thursday, so ISO year 2026 has 53 weeks; 2027 has 52.
    expect(listHorizonPeriods('2026-W52', 3, 'week')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(nextPeriod('2027-W52', 'week')).toBe('2028-W01');
    expect(nextPeriod('2027-W09', 'week')).toBe('2027-W10');
  });

  it('walks days through a leap day', () => {
    expect(listHorizonPeriods('2028-02-28', 3, 'day')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(nextPeriod('2027-12-31', 'day')).toBe('2028-01-01');
  });
});
