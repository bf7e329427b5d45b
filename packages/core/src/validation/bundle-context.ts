import type { TPeriodGranularity } from '@planning-hub/contracts/tables';

/**
 * What one table's validation leaves for the next ones (tables are read in the
 * order params, calendar, capacity, mix, demand, inventory, inbound, period_metrics).
 * Only key sets are kept, never rows. A set is null when its table is missing or
 * lacks the column: checks against it are skipped rather than failing every row.
 */
export type TBundleContext = {
  granularity: TPeriodGranularity | null;
  params: Record<string, unknown>;
  calendarPeriods: Set<string> | null;
  capacityResources: Set<string> | null;
  mixItems: Set<string> | null;
  demandItems: Set<string> | null;
};

export function createBundleContext(): TBundleContext {
  return {
    granularity: null,
    // Param keys are the planner's codes: `__proto__` must stay a key, not become the prototype.
    params: Object.create(null) as Record<string, unknown>,
    calendarPeriods: null,
    capacityResources: null,
    mixItems: null,
    demandItems: null,
  };
}
