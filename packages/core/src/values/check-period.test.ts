import { describe, expect, it } from 'vitest';
import { describeInvalidPeriod, isoWeeksInYear, isValidPeriod } from './check-period';
import { isoWeekOf, mondayOfIsoWeek } from './iso-week';

describe('periods', () => {
  it('knows which ISO years have 53 weeks', () => {
    expect([2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53]);
    expect([2021, 2027, 2028].map(isoWeeksInYear)).toEqual([52, 52, 52]);
  });

  it.each([
    ['2027-01', 'month', true],
    ['2027-12', 'month', true],
    ['2027-13', 'month', false],
    ['2027-1', 'month', false],
    ['27-01', 'month', false],
    ['2026-W53', 'week', true],
    ['2027-W53', 'week', false],
    ['2027-W00', 'week', false],
    ['2027-W5', 'week', false],
    ['2027-w05', 'week', false],
    ['2024-02-29', 'day', true],
    ['2027-02-29', 'day', false],
    ['2027-W05', 'month', false],
  ] as const)('%s is %s valid: %s', (text, granularity, isValid) => {
    expect(isValidPeriod(text, granularity)).toBe(isValid);
  });

  it('explains a period of the wrong granularity and a week that does not exist', () => {
    expect(describeInvalidPeriod('2027-01', 'week')).toEqual({
      reason: 'other_granularity',
      actual: 'month',
      granularity: 'week',
    });
    expect(describeInvalidPeriod('2027-W53', 'week')).toEqual({
      reason: 'no_such_week',
      year: '2027',
      weeks: 52,
    });
    expect(describeInvalidPeriod('2027-w05', 'week')).toEqual({ reason: 'lowercase_w', fixed: '2027-W05' });
  });

  it('maps dates to ISO weeks and back', () => {
    expect(isoWeekOf(new Date(Date.UTC(2027, 0, 3)))).toBe('2026-W53');
    expect(isoWeekOf(new Date(Date.UTC(2027, 0, 4)))).toBe('2027-W01');
    expect(isoWeekOf(new Date(Date.UTC(2024, 11, 30)))).toBe('2025-W01');
    expect(mondayOfIsoWeek(2027, 1).toISOString().slice(0, 10)).toBe('2027-01-04');
    expect(mondayOfIsoWeek(2026, 53).toISOString().slice(0, 10)).toBe('2026-12-28');
  });
});
