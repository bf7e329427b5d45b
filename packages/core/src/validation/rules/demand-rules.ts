import { createPeriodInCalendarCheck } from './check-period-in-calendar';
import { columnIndex, type TRulesFactory } from './table-rules';

/** demand: periods within the calendar; collects the items inventory and inbound refer to. */
export const createDemandRules: TRulesFactory = ({ context, spec, presentColumns }) => {
  const checkPeriod = createPeriodInCalendarCheck(context, spec);
  const itemIndex = columnIndex(spec, 'item_code');
  const items = presentColumns.has('item_code') ? new Set<string>() : null;
  context.demandItems = items;
  return {
    checkRow(values, _line, report) {
      checkPeriod(values, report);
      const item = values[itemIndex];
      if (items !== null && typeof item === 'string') items.add(item);
    },
  };
};
