/**
 * Every API path in one place, shared by the API router, the SPA and the CLI.
 * `{ref}` is an input set reference (`foo`, `foo@draft`, `foo@r3`), URL-encoded.
 */
export const API = {
  healthz: '/healthz',
  readyz: '/readyz',
  metrics: '/metrics',
  openapi: '/api/openapi.json',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  me: '/api/auth/me',
  inputSets: '/api/plans/input_sets',
  inputSet: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}`,
  upload: (label: string) => `/api/plans/input_sets/${encodeURIComponent(label)}/upload`,
  tableRows: (ref: string, table: string) =>
    `/api/plans/input_sets/${encodeURIComponent(ref)}/tables/${encodeURIComponent(table)}`,
  exportZip: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}/export`,
  events: (label: string) => `/api/plans/input_sets/${encodeURIComponent(label)}/events`,
  eventsVerify: (label: string) => `/api/plans/input_sets/${encodeURIComponent(label)}/events/verify`,
  review: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}/review`,
  archive: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}/archive`,
  diff: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}/diff`,
  diffRows: (ref: string) => `/api/plans/input_sets/${encodeURIComponent(ref)}/diff/rows`,
  plans: '/api/plans',
  plan: (id: string) => `/api/plans/${encodeURIComponent(id)}`,
  planRuns: (id: string) => `/api/plans/${encodeURIComponent(id)}/runs`,
  runs: '/api/runs',
  run: (id: string) => `/api/runs/${encodeURIComponent(id)}`,
  runNote: (id: string) => `/api/runs/${encodeURIComponent(id)}/note`,
  runArtifact: (id: string) => `/api/runs/${encodeURIComponent(id)}/artifacts/planning_input_set.json`,
} as const;
