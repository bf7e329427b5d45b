import type { TPeriodGranularity } from '@planning-hub/contracts/tables';
import { isoWeeksInYear } from '../values/check-period';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The period after `period` in its granularity: 2027-12 -> 2028-01, 2026-W53 -> 2027-W01, 2028-02-28 -> 2028-02-29. */
export function nextPeriod(period: string, granularity: TPeriodGranularity): string {
  switch (granularity) {
    case 'month': {
      const year = Number(period.slice(0, 4));
      const month = Number(period.slice(5, 7));
      return month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1, 2)}`;
    }
    case 'week': {
      const year = Number(period.slice(0, 4));
      const week = Number(period.slice(6, 8));
      return week >= isoWeeksInYear(year)
        ? `${pad(year + 1, 4)}-W01`
        : `${pad(year, 4)}-W${pad(week + 1, 2)}`;
    }
    case 'day': {
      const date = new Date(`${period}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + 1);
      return date.toISOString().slice(0, 10);
    }
  }
}

/** The `count` periods of the horizon, starting with `start`. */
export function listHorizonPeriods(start: string, count: number, granularity: TPeriodGranularity): string[] {
  const periods: string[] = [];
  let current = start;
  for (let i = 0; i < count; i++) {
    periods.push(current);
    current = nextPeriod(current, granularity);
  }
  return periods;
}
