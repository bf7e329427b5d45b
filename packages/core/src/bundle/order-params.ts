/** period_granularity is validated before the other params: horizon_start is checked against it. */
export function orderParamsFirst<T>(entries: readonly T[], keyOf: (entry: T) => string | undefined): T[] {
  return [
    ...entries.filter((entry) => keyOf(entry) === 'period_granularity'),
    ...entries.filter((entry) => keyOf(entry) !== 'period_granularity'),
  ];
}
