import type { TPeriodGranularity } from '@planning-hub/contracts/tables';
import { MIN_YEAR, isLeapYear, isValidDate } from './check-date';

const MONTH_PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_PERIOD = /^(\d{4})-W(\d{2})$/;

const PERIOD_SHAPES: Record<TPeriodGranularity, string> = {
  month: 'YYYY-MM, e.g. 2027-01',
  week: 'YYYY-Www (ISO week), e.g. 2027-W05',
  day: 'YYYY-MM-DD, e.g. 2027-01-04',
};

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

/** Why `text` is not a period of `granularity` (null when the set's granularity is unknown). */
export function describeInvalidPeriod(text: string, granularity: TPeriodGranularity | null): string {
  if (granularity === null) {
    return `is not a period (${PERIOD_SHAPES.month}; ${PERIOD_SHAPES.week}; or ${PERIOD_SHAPES.day})`;
  }
  const actual = granularityOfPeriod(text);
  if (actual !== null) {
    return `is a ${actual} period, but period_granularity is '${granularity}' (write ${PERIOD_SHAPES[granularity]})`;
  }
  const week = /^(\d{4})-[Ww](\d{2})$/.exec(text);
  if (granularity === 'week' && week) {
    if (text.includes('w')) return `must have an upper-case W (${text.replace('w', 'W')})`;
    const weeks = isoWeeksInYear(Number(week[1]));
    return `does not exist: ISO year ${week[1]} has weeks W01 to W${weeks}`;
  }
  return `is not a ${granularity} period (write ${PERIOD_SHAPES[granularity]})`;
}
