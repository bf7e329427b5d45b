/**
 * Enough PromQL reading for the ops tests: which metric names an expression selects, and
 * which names an exposition (GET /metrics, `registry.metrics()`) declares. A misspelt
 * metric in a dashboard or rule is not an error for Grafana or promtool: it just stays empty.
 */

const NOT_METRICS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
]);
const OPERATOR_WORDS = new Set(['and', 'or', 'unless', 'atan2', 'inf', 'nan']);

/** `histogram_quantile(0.5, sum by (le) (rate(x_bucket{a="b"}[5m]))) / y` -> ['x_bucket', 'y'] */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\$\{?\w+\}?/g, '');
  const names = new Set<string>();
  for (const [, name, call] of bare.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    if (call || NOT_METRICS.has(name!) || OPERATOR_WORDS.has(name!.toLowerCase())) continue;
    names.add(name!);
  }
  return [...names];
}

/** Every series name a Prometheus text exposition can produce, histogram series included. */
export function declaredMetricNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!);
    if (type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}
