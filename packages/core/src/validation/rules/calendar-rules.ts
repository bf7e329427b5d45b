import { problemMessage, shorten } from '../problem-list';
import { columnIndex, type TRulesFactory } from './table-rules';

/** calendar: collects the periods other tables must stay within; warns on hours of a non-working day. */
export const createCalendarRules: TRulesFactory = ({ context, spec, presentColumns }) => {
  const periodIndex = columnIndex(spec, 'period');
  const workingIndex = columnIndex(spec, 'working');
  const hoursIndex = columnIndex(spec, 'hours');
  const dateIndex = columnIndex(spec, 'date');
  const periods = presentColumns.has('period') ? new Set<string>() : null;
  context.calendarPeriods = periods;
  return {
    checkRow(values, _line, report) {
      const period = values[periodIndex];
      if (periods !== null && typeof period === 'string') periods.add(period);
      const hours = values[hoursIndex];
      if (values[workingIndex] === 'false' && typeof hours === 'string' && hours !== '0') {
        const date = values[dateIndex];
        report(
          'non_working_hours',
          'hours',
          hours,
          typeof date === 'string'
            ? problemMessage('problem.non_working_hours', { date, hours: shorten(hours) })
            : problemMessage('problem.non_working_hours.no_date', { hours: shorten(hours) }),
        );
      }
    },
  };
};
