import { urlOf } from './url-of';

/**
 * The URLs of the API for the SPA and the CLI: the paths of the operations declared in
 * ./operations (one path can serve several methods: `tokens` is GET and POST), written
 * here as plain data so that a client needing a URL does not load every operation's
 * schemas (docs/performance.md, Browser); routes.test.ts checks each against its
 * operation. `{ref}` is an input set reference (`foo`, `foo@draft`, `foo@r3`), URL-encoded.
 */
export const API = {
  healthz: urlOf({ path: '/healthz' }),
  readyz: urlOf({ path: '/readyz' }),
  metrics: urlOf({ path: '/metrics' }),
  openapi: urlOf({ path: '/api/openapi.json' }),
  signIn: urlOf({ path: '/api/auth/sign-in' }),
  signOut: urlOf({ path: '/api/auth/sign-out' }),
  me: urlOf({ path: '/api/auth/me' }),
  loginToken: urlOf({ path: '/api/auth/tokens' }),
  browserSession: urlOf({ path: '/api/auth/browser-session' }),
  tokens: urlOf({ path: '/api/tokens' }),
  revokeToken: urlOf({ path: '/api/tokens/revoke' }),
  adminUsers: urlOf({ path: '/api/admin/users' }),
  adminUser: urlOf({ path: '/api/admin/users/{username}' }),
  adminUserPassword: urlOf({ path: '/api/admin/users/{username}/password' }),
  inputSets: urlOf({ path: '/api/plans/input_sets' }),
  inputSet: urlOf({ path: '/api/plans/input_sets/{ref}' }),
  upload: urlOf({ path: '/api/plans/input_sets/{label}/upload' }),
  tableRows: urlOf({ path: '/api/plans/input_sets/{ref}/tables/{table}' }),
  exportZip: urlOf({ path: '/api/plans/input_sets/{ref}/export' }),
  events: urlOf({ path: '/api/plans/input_sets/{label}/events' }),
  eventsVerify: urlOf({ path: '/api/plans/input_sets/{label}/events/verify' }),
  eventsBackfill: urlOf({ path: '/api/plans/input_sets/{ref}/events/backfill' }),
  review: urlOf({ path: '/api/plans/input_sets/{ref}/review' }),
  archive: urlOf({ path: '/api/plans/input_sets/{ref}/archive' }),
  policy: urlOf({ path: '/api/plans/input_sets/{label}/policy' }),
  checks: urlOf({ path: '/api/plans/input_sets/{ref}/checks' }),
  diff: urlOf({ path: '/api/plans/input_sets/{ref}/diff' }),
  diffRows: urlOf({ path: '/api/plans/input_sets/{ref}/diff/rows' }),
  diffExport: urlOf({ path: '/api/plans/input_sets/{ref}/diff/export' }),
  diffSummary: urlOf({ path: '/api/plans/input_sets/{ref}/diff/summary' }),
  diffChanges: urlOf({ path: '/api/plans/input_sets/{ref}/diff/changes' }),
  plans: urlOf({ path: '/api/plans' }),
  plan: urlOf({ path: '/api/plans/{id}' }),
  planRuns: urlOf({ path: '/api/plans/{id}/runs' }),
  runs: urlOf({ path: '/api/runs' }),
  run: urlOf({ path: '/api/runs/{id}' }),
  runNote: urlOf({ path: '/api/runs/{id}/note' }),
  runArtifact: urlOf({ path: '/api/runs/{id}/artifacts/planning_input_set.json' }),
} as const;
