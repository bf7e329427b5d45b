import { createPeriodInCalendarCheck } from './check-period-in-calendar';
import type { TRulesFactory } from './table-rules';

/** period_metrics: periods within the calendar. */
export const createPeriodMetricsRules: TRulesFactory = ({ context, spec }) => {
  const checkPeriod = createPeriodInCalendarCheck(context, spec);
  return { checkRow: (values, _line, report) => checkPeriod(values, report) };
};
