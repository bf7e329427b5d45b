import type { TPeriodGranularity } from '@planning-hub/contracts/tables';
import { MIN_YEAR, isLeapYear, isValidDate } from './check-date';

const MONTH_PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_PERIOD = /^(\d{4})-W(\d{2})$/;

/** Number of ISO weeks of an ISO year: 53 when it starts on a Thursday (or Wednesday in a leap year). */
export function isoWeeksInYear(year: number): number {
  const weekdayOfJanuaryFirst = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  return weekdayOfJanuaryFirst === 4 || (weekdayOfJanuaryFirst === 3 && isLeapYear(year)) ? 53 : 52;
}

function isValidWeek(text: string): boolean {
  const match = WEEK_PERIOD.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return year >= MIN_YEAR && week >= 1 && week <= isoWeeksInYear(year);
}

export function isValidPeriod(text: string, granularity: TPeriodGranularity): boolean {
  switch (granularity) {
    case 'month': {
      const match = MONTH_PERIOD.exec(text);
      return match !== null && Number(match[1]) >= MIN_YEAR;
    }
    case 'week':
      return isValidWeek(text);
    case 'day':
      return isValidDate(text);
  }
}

/** The granularity whose notation `text` is valid in, if any. */
export function granularityOfPeriod(text: string): TPeriodGranularity | null {
  if (isValidPeriod(text, 'week')) return 'week';
  if (isValidPeriod(text, 'month')) return 'month';
  if (isValidPeriod(text, 'day')) return 'day';
  return null;
}

/**
 * Why `text` is not a period of `granularity` (null when the set's granularity is unknown).
 * A cell and the horizon_start param say it in their own messages, with these parameters.
 */
export type TPeriodProblem =
  | { reason: 'any' }
  | { reason: 'other_granularity'; actual: TPeriodGranularity; granularity: TPeriodGranularity }
  | { reason: 'lowercase_w'; fixed: string }
  | { reason: 'no_such_week'; year: string; weeks: number }
  | { reason: 'not_of_granularity'; granularity: TPeriodGranularity };

export function describeInvalidPeriod(text: string, granularity: TPeriodGranularity | null): TPeriodProblem {
  if (granularity === null) return { reason: 'any' };
  const actual = granularityOfPeriod(text);
  if (actual !== null) return { reason: 'other_granularity', actual, granularity };
  const week = /^(\d{4})-[Ww](\d{2})$/.exec(text);
  if (granularity === 'week' && week) {
    if (text.includes('w')) return { reason: 'lowercase_w', fixed: text.replace('w', 'W') };
    return { reason: 'no_such_week', year: week[1]!, weeks: isoWeeksInYear(Number(week[1])) };
  }
  return { reason: 'not_of_granularity', granularity };
}
