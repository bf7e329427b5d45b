import { AUTH_OPERATIONS as AUTH } from './operations/auth';
import { urlOf } from './operations/define-operation';
import { DIFF_OPERATIONS as DIFF } from './operations/diff';
import { EVENT_OPERATIONS as EVENTS } from './operations/events';
import { HEALTH_OPERATIONS as HEALTH } from './operations/health';
import { INPUT_SET_OPERATIONS as INPUT_SETS } from './operations/input-sets';
import { POLICY_OPERATIONS as POLICY } from './operations/policy';
import { REVIEW_OPERATIONS as REVIEW } from './operations/review';
import { RUN_OPERATIONS as RUNS } from './operations/runs';
import { TOKEN_OPERATIONS as TOKENS } from './operations/tokens';
import { USER_OPERATIONS as USERS } from './operations/users';

/**
 * The URLs of the API for the SPA and the CLI, derived from the operations declared in
 * ./operations (one path can serve several methods: `tokens` is GET and POST).
 * `{ref}` is an input set reference (`foo`, `foo@draft`, `foo@r3`), URL-encoded.
 */
export const API = {
  healthz: urlOf(HEALTH.getHealth),
  readyz: urlOf(HEALTH.getReadiness),
  metrics: urlOf(HEALTH.getMetrics),
  openapi: urlOf(HEALTH.getOpenApi),
  signIn: urlOf(AUTH.signIn),
  signOut: urlOf(AUTH.signOut),
  me: urlOf(AUTH.getMe),
  loginToken: urlOf(AUTH.createLoginToken),
  browserSession: urlOf(AUTH.openBrowserSession),
  tokens: urlOf(TOKENS.listTokens),
  revokeToken: urlOf(TOKENS.revokeToken),
  adminUsers: urlOf(USERS.listUsers),
  adminUser: urlOf(USERS.updateUser),
  adminUserPassword: urlOf(USERS.resetPassword),
  inputSets: urlOf(INPUT_SETS.listInputSets),
  inputSet: urlOf(INPUT_SETS.getInputSet),
  upload: urlOf(INPUT_SETS.uploadBundle),
  tableRows: urlOf(INPUT_SETS.getTableRows),
  exportZip: urlOf(INPUT_SETS.exportBundle),
  events: urlOf(EVENTS.listEvents),
  eventsVerify: urlOf(EVENTS.verifyEvents),
  eventsBackfill: urlOf(EVENTS.backfillEvent),
  review: urlOf(REVIEW.reviewRevision),
  archive: urlOf(REVIEW.archiveRevision),
  policy: urlOf(POLICY.getPolicy),
  checks: urlOf(POLICY.getChecks),
  diff: urlOf(DIFF.getDiff),
  diffRows: urlOf(DIFF.getDiffRows),
  diffExport: urlOf(DIFF.exportDiff),
  diffSummary: urlOf(DIFF.getDiffSummary),
  diffChanges: urlOf(DIFF.getDiffChanges),
  plans: urlOf(RUNS.listPlans),
  plan: urlOf(RUNS.getPlan),
  planRuns: urlOf(RUNS.createPlanRun),
  runs: urlOf(RUNS.listRuns),
  run: urlOf(RUNS.getRun),
  runNote: urlOf(RUNS.updateRunNote),
  runArtifact: urlOf(RUNS.getRunArtifact),
} as const;
