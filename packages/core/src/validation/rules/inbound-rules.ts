import { createOrphanItemCheck } from './check-orphan-item';
import { createPeriodInCalendarCheck } from './check-period-in-calendar';
import type { TRulesFactory } from './table-rules';

/** inbound: periods within the calendar; items should be demanded or produced. */
export const createInboundRules: TRulesFactory = ({ context, spec }) => {
  const checkPeriod = createPeriodInCalendarCheck(context, spec);
  const checkOrphan = createOrphanItemCheck(context, spec, 'inbound');
  return {
    checkRow(values, _line, report) {
      checkPeriod(values, report);
      checkOrphan(values, report);
    },
  };
};
