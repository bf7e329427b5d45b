import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics registry. Names and labels are the runbook's (sections 5 and 6);
 * every labelled counter is pre-declared at 0 so dashboards and alerts see it
 * from start-up.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const runWithoutInputSet = new Counter({
    name: 'run_without_input_set_total',
    help: 'Plan runs started without an input_set_label (Legacy mode), by entrypoint.',
    labelNames: ['entrypoint'] as const,
    registers: [registry],
  });
  for (const entrypoint of ['/runs', '/plans/{id}/runs', 'cli']) runWithoutInputSet.inc({ entrypoint }, 0);

  const planArtifactWriteError = new Counter({
    name: 'plan_artifact_write_error_total',
    help: 'Failed writes of plan run artifacts, by artifact name.',
    labelNames: ['artifact'] as const,
    registers: [registry],
  });
  planArtifactWriteError.inc({ artifact: 'planning_input_set.json' }, 0);

  const diffJobs = new Counter({
    name: 'input_set_diff_jobs_total',
    help: 'Finished input set diff jobs, by result.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  for (const result of ['success', 'failure']) diffJobs.inc({ result }, 0);

  const diffCacheHits = new Counter({
    name: 'input_set_diff_cache_hits_total',
    help: 'Diff requests answered from a valid cache file in tmp/input_set_diffs/.',
    registers: [registry],
  });
  const diffCacheStale = new Counter({
    name: 'input_set_diff_cache_stale_total',
    help: 'Diff cache files whose content hashes no longer matched and were recomputed.',
    registers: [registry],
  });

  const imports = new Counter({
    name: 'input_set_imports_total',
    help: 'Bundle imports (CLI and REST), by entrypoint and result (stored, invalid, failed).',
    labelNames: ['entrypoint', 'result'] as const,
    registers: [registry],
  });
  for (const entrypoint of ['cli', 'rest']) {
    for (const result of ['stored', 'invalid', 'failed']) imports.inc({ entrypoint, result }, 0);
  }
  const importedRows = new Counter({
    name: 'input_set_imported_rows_total',
    help: 'Rows stored by bundle imports, by table.',
    labelNames: ['table'] as const,
    registers: [registry],
  });

  const reviews = new Counter({
    name: 'input_set_reviews_total',
    help: 'Review transitions, by action (approve, revert, archive).',
    labelNames: ['action'] as const,
    registers: [registry],
  });
  for (const action of ['approve', 'revert', 'archive']) reviews.inc({ action }, 0);

  return {
    registry,
    httpRequestDuration,
    runWithoutInputSet,
    planArtifactWriteError,
    diffJobs,
    diffCacheHits,
    diffCacheStale,
    imports,
    importedRows,
    reviews,
  };
}

export type TMetrics = ReturnType<typeof createMetrics>;
