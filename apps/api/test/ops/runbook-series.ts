/**
 * Every series the operations runbook names (sections 5 and 6), spelt as in the runbook:
 * the text exposition of GET /metrics and a Prometheus selector read the same.
 */
export const RUNBOOK_SERIES = [
  'run_without_input_set_total{entrypoint="/runs"}',
  'plan_artifact_write_error_total{artifact="planning_input_set.json"}',
  'input_set_diff_jobs_total{result="success"}',
  'input_set_diff_jobs_total{result="failure"}',
  'input_set_diff_cache_hits_total',
  'input_set_diff_cache_stale_total',
] as const;
