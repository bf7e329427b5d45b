import type { TTableName } from '@planning-hub/contracts/tables';
import { createCalendarRules } from './calendar-rules';
import { createCapacityRules } from './capacity-rules';
import { createDemandRules } from './demand-rules';
import { createInboundRules } from './inbound-rules';
import { createInventoryRules } from './inventory-rules';
import { createMixRules } from './mix-rules';
import { createParamsRules } from './params-rules';
import { createPeriodMetricsRules } from './period-metrics-rules';
import type { TRulesFactory } from './table-rules';

/** Each table's rules beyond its column types, in one place. */
export const RULES_BY_TABLE: Record<TTableName, TRulesFactory> = {
  params: createParamsRules,
  calendar: createCalendarRules,
  capacity: createCapacityRules,
  mix: createMixRules,
  demand: createDemandRules,
  inventory: createInventoryRules,
  inbound: createInboundRules,
  period_metrics: createPeriodMetricsRules,
};

/** The order tables are read in, so that each one's cross-table rules find what they need. */
export const PROCESSING_ORDER: readonly TTableName[] = [
  'params',
  'calendar',
  'capacity',
  'mix',
  'demand',
  'inventory',
  'inbound',
  'period_metrics',
];
