import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from '../bundle-context';
import { problemMessage, shorten } from '../problem-list';
import { columnIndex, type TRowReport, type TRowValues } from './table-rules';

/** demand, capacity, inbound and period_metrics: every period must be one of calendar.csv's periods. */
export function createPeriodInCalendarCheck(context: TBundleContext, spec: TTableSpec) {
  const periods = context.calendarPeriods;
  const periodIndex = columnIndex(spec, 'period');
  return (values: TRowValues, report: TRowReport): void => {
    const period = values[periodIndex];
    if (periods === null || typeof period !== 'string' || periods.has(period)) return;
    report(
      'period_outside_calendar',
      'period',
      period,
      problemMessage('problem.period_outside_calendar', { period: shorten(period) }),
    );
  };
}
