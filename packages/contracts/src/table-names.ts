/**
 * The eight tables' names, in the order docs/design.md section 2 lists them, without
 * their specs (tables.ts): the list page's row counts need the names only
 * (docs/performance.md, Browser).
 */
export const TABLE_NAMES = [
  'demand',
  'capacity',
  'mix',
  'inventory',
  'inbound',
  'period_metrics',
  'calendar',
  'params',
] as const;

export type TTableName = (typeof TABLE_NAMES)[number];
