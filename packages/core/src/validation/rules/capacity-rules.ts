import { createPeriodInCalendarCheck } from './check-period-in-calendar';
import { columnIndex, type TRulesFactory } from './table-rules';

/** capacity: periods within the calendar; collects the resources mix may use. */
export const createCapacityRules: TRulesFactory = ({ context, spec, presentColumns }) => {
  const checkPeriod = createPeriodInCalendarCheck(context, spec);
  const resourceIndex = columnIndex(spec, 'resource_code');
  const resources = presentColumns.has('resource_code') ? new Set<string>() : null;
  context.capacityResources = resources;
  return {
    checkRow(values, _line, report) {
      checkPeriod(values, report);
      const resource = values[resourceIndex];
      if (resources !== null && typeof resource === 'string') resources.add(resource);
    },
  };
};
