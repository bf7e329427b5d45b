import { describe, expect, it } from 'vitest';
import { AUTH_OPERATIONS as AUTH } from './operations/auth';
import { DIFF_OPERATIONS as DIFF } from './operations/diff';
import { EVENT_OPERATIONS as EVENTS } from './operations/events';
import { HEALTH_OPERATIONS as HEALTH } from './operations/health';
import { INPUT_SET_OPERATIONS as INPUT_SETS } from './operations/input-sets';
import { POLICY_OPERATIONS as POLICY } from './operations/policy';
import { REVIEW_OPERATIONS as REVIEW } from './operations/review';
import { RUN_OPERATIONS as RUNS } from './operations/runs';
import { TOKEN_OPERATIONS as TOKENS } from './operations/tokens';
import { USER_OPERATIONS as USERS } from './operations/users';
import { API } from './routes';

/** Which declared operation each client URL is (routes.ts writes the paths as plain data). */
const OPERATION_OF: Record<keyof typeof API, { path: string }> = {
  healthz: HEALTH.getHealth,
  readyz: HEALTH.getReadiness,
  metrics: HEALTH.getMetrics,
  openapi: HEALTH.getOpenApi,
  signIn: AUTH.signIn,
  signOut: AUTH.signOut,
  me: AUTH.getMe,
  loginToken: AUTH.createLoginToken,
  browserSession: AUTH.openBrowserSession,
  tokens: TOKENS.listTokens,
  revokeToken: TOKENS.revokeToken,
  adminUsers: USERS.listUsers,
  adminUser: USERS.updateUser,
  adminUserPassword: USERS.resetPassword,
  inputSets: INPUT_SETS.listInputSets,
  inputSet: INPUT_SETS.getInputSet,
  upload: INPUT_SETS.uploadBundle,
  tableRows: INPUT_SETS.getTableRows,
  exportZip: INPUT_SETS.exportBundle,
  events: EVENTS.listEvents,
  eventsVerify: EVENTS.verifyEvents,
  eventsBackfill: EVENTS.backfillEvent,
  review: REVIEW.reviewRevision,
  archive: REVIEW.archiveRevision,
  policy: POLICY.getPolicy,
  checks: POLICY.getChecks,
  diff: DIFF.getDiff,
  diffRows: DIFF.getDiffRows,
  diffExport: DIFF.exportDiff,
  diffSummary: DIFF.getDiffSummary,
  diffChanges: DIFF.getDiffChanges,
  plans: RUNS.listPlans,
  plan: RUNS.getPlan,
  planRuns: RUNS.createPlanRun,
  runs: RUNS.listRuns,
  run: RUNS.getRun,
  runNote: RUNS.updateRunNote,
  runArtifact: RUNS.getRunArtifact,
};

type TUrl = string | ((...values: string[]) => string);

/** The URL with `{a}`, `{b}`, ... (URL-encoded) for its parameters, as the builder and the template give it. */
function withPlaceholders(url: TUrl): string {
  return typeof url === 'function' ? url('{a}', '{b}', '{c}') : url;
}
function templateWithPlaceholders(path: string): string {
  let index = 0;
  return path.replace(/\{\w+\}/g, () => encodeURIComponent(`{${'abc'[index++]}}`));
}

describe('API', () => {
  it.each(Object.keys(OPERATION_OF) as (keyof typeof API)[])('%s is its operation path', (key) => {
    expect(withPlaceholders(API[key] as TUrl)).toBe(templateWithPlaceholders(OPERATION_OF[key].path));
  });
});
