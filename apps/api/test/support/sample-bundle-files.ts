/**
 * The files of the sample bundle (VALID_BUNDLE of @planning-hub/test-support), in name order:
 * what a stored revision of it lists as its source, over the API or the CLI.
 */
export const SAMPLE_BUNDLE_FILES: readonly string[] = [
  'calendar.csv',
  'capacity.csv',
  'demand.csv',
  'inbound.csv',
  'inventory.csv',
  'mix.csv',
  'params.json',
  'period_metrics.csv',
];
