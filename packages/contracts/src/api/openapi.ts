import { z } from 'zod';
import { ZBrowserSession, ZSession, ZSignInRequest } from './auth';
import {
  ZDiffChangesQuery,
  ZDiffChangesResponse,
  ZDiffExportQuery,
  ZDiffJobState,
  ZDiffQuery,
  ZDiffResult,
  ZDiffRowsQuery,
  ZDiffRowsResponse,
} from './diff';
import { ZDiffSummaryQuery, ZDiffSummaryResponse } from './diff-summary';
import { ZHealth, ZReadiness } from './health';
import {
  ZImportReport,
  ZInputSetDetail,
  ZListInputSetsQuery,
  ZListInputSetsResponse,
  ZTableRowsQuery,
  ZTableRowsResponse,
  ZUploadFields,
  ZUploadQuery,
} from './input-sets';
import { ZProblemDetails } from './problem-details';
import {
  ZCreatePlanRequest,
  ZCreatePlanRunRequest,
  ZCreateRunRequest,
  ZListPlansResponse,
  ZListRunsQuery,
  ZListRunsResponse,
  ZPlan,
  ZRunDetail,
  ZUpdatePlanRequest,
  ZUpdateRunNoteRequest,
} from './runs';
import {
  ZBackfillEventRequest,
  ZEventsQuery,
  ZEventsResponse,
  ZInputSetEvent,
  ZVerifyEventsQuery,
  ZVerifyEventsResponse,
} from './events';
import { ZArchiveRequest, ZReviewRequest, ZReviewResponse } from './review';
import {
  ZCreatedToken,
  ZCreateTokenRequest,
  ZListTokensQuery,
  ZListTokensResponse,
  ZLoginTokenRequest,
  ZRevokeTokenRequest,
  ZRevokeTokenResponse,
} from './tokens';
import {
  ZCreateUserRequest,
  ZListUsersResponse,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUserChangeResponse,
  ZUserSummary,
} from './users';

type TOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/api/plans/input_sets/{ref}`. */
  path: string;
  summary: string;
  /** Minimum role; omitted for public endpoints. */
  role?: 'viewer' | 'planner' | 'reviewer' | 'admin';
  query?: z.ZodObject;
  body?: { contentType: string; schema: z.ZodType };
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
};

const ref = { name: 'ref', in: 'path', required: true, description: '`foo`, `foo@draft` or `foo@rN`', schema: { type: 'string' } };
const label = { name: 'label', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' } };

const problem = (description: string) => ({ description, schema: ZProblemDetails, contentType: 'application/problem+json' });

/** Every documented operation. Features add theirs here, next to their contracts. */
export const OPERATIONS: TOperation[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', responses: { 200: { description: 'Alive', schema: ZHealth } } },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness (checks the database)',
    responses: { 200: { description: 'Ready', schema: ZReadiness }, 503: { description: 'Not ready', schema: ZReadiness } },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain' } },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with a password; sets the session cookie',
    body: { contentType: 'application/json', schema: ZSignInRequest },
    responses: { 200: { description: 'Signed in', schema: ZSession }, 401: problem('Wrong credentials'), 429: problem('Too many attempts') },
  },
  {
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'planning login: trade a username and password for a personal API token (rate-limited like sign-in)',
    body: { contentType: 'application/json', schema: ZLoginTokenRequest },
    responses: {
      201: { description: 'The token; its secret is shown only here', schema: ZCreatedToken },
      401: problem('Wrong username or password (also for disabled users and local operators)'),
      429: problem('Too many attempts'),
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    summary: 'Sign out: ends the session, or revokes the API token the request came with (planning logout)',
    role: 'viewer',
    responses: { 204: { description: 'Signed out' } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user, how they authenticated, and the CSRF token',
    role: 'viewer',
    responses: { 200: { description: 'Session', schema: ZSession }, 401: problem('Not signed in') },
  },
  {
    method: 'post',
    path: '/api/auth/browser-session',
    summary: 'A 10-minute browser session for the same user, for token and local operator callers (planning evidence)',
    role: 'viewer',
    responses: {
      201: { description: 'The session cookie to set', schema: ZBrowserSession },
      400: problem('The caller has a browser session already'),
    },
  },
  {
    method: 'get',
    path: '/api/tokens',
    summary: 'Your API tokens; admins may name any user',
    role: 'viewer',
    query: ZListTokensQuery,
    responses: {
      200: { description: 'Tokens, newest first, without secrets', schema: ZListTokensResponse },
      404: problem("User 'x' not found."),
    },
  },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Create an API token for yourself; admins may name another user (never a local operator)',
    role: 'viewer',
    body: { contentType: 'application/json', schema: ZCreateTokenRequest },
    responses: {
      201: { description: 'The token; its secret is shown only here', schema: ZCreatedToken },
      400: problem('A local operator user, or a bad name or lifetime'),
      404: problem("User 'x' not found."),
      409: problem('The user is disabled'),
    },
  },
  {
    method: 'post',
    path: '/api/tokens/revoke',
    summary: "Revoke an API token by prefix or id: yours, or anyone's for admins",
    role: 'viewer',
    body: { contentType: 'application/json', schema: ZRevokeTokenRequest },
    responses: {
      200: { description: 'The token; wasRevoked says it was revoked before', schema: ZRevokeTokenResponse },
      404: problem("API token with prefix 'x' not found (also someone else's, for non-admins)"),
      409: problem('Several tokens have that prefix'),
    },
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Every user, people and local operators',
    role: 'admin',
    responses: { 200: { description: 'Users by username', schema: ZListUsersResponse } },
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary: 'Create a person who signs in with a password',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZCreateUserRequest },
    responses: {
      201: { description: 'The user', schema: ZUserSummary },
      400: problem('Bad username, role or password'),
      409: problem("User 'x' already exists."),
    },
  },
  {
    method: 'patch',
    path: '/api/admin/users/{username}',
    summary: 'Change role, employee id or disabled (disabling ends all sessions and tokens); username may be local:<OS user>',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZUpdateUserRequest },
    responses: {
      200: { description: 'The user, and the sessions and tokens the change ended', schema: ZUserChangeResponse },
      404: problem("User 'x' not found."),
      409: problem('An admin cannot disable themself or lower their own role'),
    },
  },
  {
    method: 'post',
    path: '/api/admin/users/{username}/password',
    summary: "Set a person's password; ends all their sessions and tokens",
    role: 'admin',
    body: { contentType: 'application/json', schema: ZResetPasswordRequest },
    responses: {
      200: { description: 'The user, and the sessions and tokens the reset ended', schema: ZUserChangeResponse },
      400: problem('A local operator has no password, or the password is too short'),
      404: problem("User 'x' not found."),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets',
    summary: 'List input set revisions',
    role: 'viewer',
    query: ZListInputSetsQuery,
    responses: { 200: { description: 'Revisions, newest first', schema: ZListInputSetsResponse } },
  },
  {
    method: 'post',
    path: '/api/plans/input_sets/{label}/upload',
    summary:
      'Upload a bundle as the draft of a label (multipart: files, version_id, note, encoding, allow_invalid, edits); with dry_run=true, validate it only',
    role: 'planner',
    query: ZUploadQuery,
    body: { contentType: 'multipart/form-data', schema: ZUploadFields },
    responses: {
      200: { description: 'dry_run=true: the import report; nothing stored, no event (same limits and slot as an upload)', schema: ZImportReport },
      201: { description: 'Stored as draft', schema: ZImportReport },
      400: problem('A bad label or field, such as edits that are not JSON or past their bounds'),
      413: problem('Too large or too many files'),
      422: problem('Validation errors; the records are in `errors`'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}',
    summary: 'One revision: metadata, row counts, problems',
    role: 'viewer',
    responses: { 200: { description: 'Revision', schema: ZInputSetDetail }, 404: problem("Input set 'foo' not found.") },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/tables/{table}',
    summary: 'Rows of one table, paged, in natural key order',
    role: 'viewer',
    query: ZTableRowsQuery,
    responses: { 200: { description: 'Rows', schema: ZTableRowsResponse }, 404: problem('Not found') },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/export',
    summary: 'The bundle as a zip of CSV files and params.json',
    role: 'viewer',
    responses: { 200: { description: 'Zip', contentType: 'application/zip' }, 404: problem('Not found') },
  },
  {
    method: 'get',
    path: '/api/plans',
    summary: 'Plans with their newest runs',
    role: 'viewer',
    responses: { 200: { description: 'Plans by name', schema: ZListPlansResponse } },
  },
  {
    method: 'post',
    path: '/api/plans',
    summary: 'Create a plan, optionally linked to an input set label',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreatePlanRequest },
    responses: { 201: { description: 'The plan', schema: ZPlan }, 400: problem('Bad name or label'), 409: problem('The name is taken') },
  },
  {
    method: 'get',
    path: '/api/plans/{id}',
    summary: 'One plan with its newest runs',
    role: 'viewer',
    responses: { 200: { description: 'The plan', schema: ZPlan }, 404: problem("Plan 'x' not found.") },
  },
  {
    method: 'patch',
    path: '/api/plans/{id}',
    summary: 'Re-link a plan to another input set label (null unlinks it)',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZUpdatePlanRequest },
    responses: { 200: { description: 'The plan', schema: ZPlan }, 404: problem("Plan 'x' not found.") },
  },
  {
    method: 'post',
    path: '/api/plans/{id}/runs',
    summary: "Run a plan with its default label, or the label given (entrypoint '/plans/{id}/runs')",
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreatePlanRunRequest },
    responses: {
      201: { description: 'The finished run: succeeded (maybe with warnings) or failed', schema: ZRunDetail },
      400: problem('A reference with @ instead of a label'),
      404: problem("Plan 'x' not found."),
    },
  },
  {
    method: 'post',
    path: '/api/runs',
    summary: "Start a run (entrypoint '/runs'): no label means Legacy mode, a label without a ready revision Missing InputSet",
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreateRunRequest },
    responses: {
      201: { description: 'The finished run: succeeded (maybe with warnings) or failed', schema: ZRunDetail },
      400: problem('A reference with @ instead of a label'),
      404: problem("Plan 'x' not found."),
    },
  },
  {
    method: 'get',
    path: '/api/runs',
    summary: 'Newest runs (without their plan results)',
    role: 'viewer',
    query: ZListRunsQuery,
    responses: { 200: { description: 'Runs, newest first', schema: ZListRunsResponse } },
  },
  {
    method: 'get',
    path: '/api/runs/{id}',
    summary: 'One run: input set, warnings with fix commands, artifact sha256 and the plan result',
    role: 'viewer',
    responses: { 200: { description: 'The run', schema: ZRunDetail }, 404: problem("Run 'x' not found.") },
  },
  {
    method: 'put',
    path: '/api/runs/{id}/note',
    summary: 'Set the run note (Legacy mode exception: CSV evidence and reason)',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZUpdateRunNoteRequest },
    responses: { 200: { description: 'The run', schema: ZRunDetail }, 404: problem("Run 'x' not found.") },
  },
  {
    method: 'get',
    path: '/api/runs/{id}/artifacts/planning_input_set.json',
    summary: 'The exact bytes of the run snapshot; X-Content-SHA256 (and ETag, Digest) carry its sha256',
    role: 'viewer',
    responses: {
      200: { description: 'planning_input_set.json', contentType: 'application/json' },
      404: problem('The run wrote no artifact, or it is missing from the artifact store'),
    },
  },
  {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/review',
    summary: 'Approve a draft (foo@draft) or revert the ready revision (foo) to draft',
    role: 'reviewer',
    body: { contentType: 'application/json', schema: ZReviewRequest },
    responses: {
      200: { description: 'The revision after the transition, and the events written', schema: ZReviewResponse },
      403: problem('Below reviewer, or the four-eyes policy: the uploader cannot approve'),
      404: problem("Input set 'foo' not found."),
      409: problem('Validation errors, unacknowledged warnings, a draft already exists, or a concurrent change won'),
    },
  },
  {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/archive',
    summary: 'Archive any revision',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZArchiveRequest },
    responses: {
      200: { description: 'The archived revision and its archive event', schema: ZReviewResponse },
      404: problem("Input set 'foo' not found."),
      409: problem('Already archived, or a concurrent change won'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{label}/events',
    summary: 'Audit events of a label, newest first across all revisions (the runbook\'s events.json)',
    role: 'viewer',
    query: ZEventsQuery,
    responses: { 200: { description: 'A page of events', schema: ZEventsResponse }, 404: problem("Input set 'foo' not found.") },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{label}/events/verify',
    summary: 'Check the hash chain of the label\'s events; reports the first broken link, and a recorded head (`head`) that is no longer in it',
    role: 'viewer',
    query: ZVerifyEventsQuery,
    responses: { 200: { description: 'Verdict (ok: false names the broken event)', schema: ZVerifyEventsResponse }, 404: problem('Not found') },
  },
  {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/events/backfill',
    summary: 'Append a backfill event for a revision that has no events (runbook: 0 events)',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZBackfillEventRequest },
    responses: {
      201: { description: 'The backfill event', schema: ZInputSetEvent },
      404: problem('Not found'),
      409: problem('The revision already has events'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff',
    summary: 'Diff against another revision (default: the ready one of the label); computed by a background job on first request',
    role: 'viewer',
    query: ZDiffQuery,
    responses: {
      200: { description: 'Computed: per-table counts (from tmp/input_set_diffs/<ref>__<against>.json)', schema: ZDiffResult },
      202: { description: 'Queued, running, or failed (retry=true runs it again); ask again', schema: ZDiffJobState },
      404: problem("Input set 'foo' not found."),
      409: problem('No ready revision to compare with; pass against'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/rows',
    summary:
      'One page of added, removed or changed rows of one table, in natural key order; filtered by key value (key, key_column, match), changed column and |Δ| (min_delta), or sorted by |Δ| (sort=abs_delta)',
    role: 'viewer',
    query: ZDiffRowsQuery,
    responses: {
      200: { description: 'Rows', schema: ZDiffRowsResponse },
      202: { description: 'The diff is not computed yet', schema: ZDiffJobState },
      404: problem("Input set 'foo' not found."),
      409: problem('No ready revision to compare with; pass against'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/changes',
    summary: 'All changes: one list across tables and kinds (or the table and kind named), with the filters and order of diff/rows',
    role: 'viewer',
    query: ZDiffChangesQuery,
    responses: {
      200: { description: 'Rows with their table and kind', schema: ZDiffChangesResponse },
      202: { description: 'The diff is not computed yet', schema: ZDiffJobState },
      404: problem("Input set 'foo' not found."),
      409: problem('No ready revision to compare with; pass against'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/summary',
    summary:
      'What moved: before, after, delta and percent of every quantity column, and one page of a table\'s totals by item, location, period or resource (top movers first); tolerances hide small changes',
    role: 'viewer',
    query: ZDiffSummaryQuery,
    responses: {
      200: { description: 'Totals and one page of groups (cached with the diff)', schema: ZDiffSummaryResponse },
      202: { description: 'The diff is not computed yet', schema: ZDiffJobState },
      404: problem("Input set 'foo' not found."),
      409: problem('No ready revision to compare with; pass against'),
    },
  },
  {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/export',
    summary: 'The whole diff as one JSON document: the result and every added, removed and changed row (planning export --diff-against --json)',
    role: 'viewer',
    query: ZDiffExportQuery,
    responses: {
      200: { description: 'The result fields and `rows: {table: {added, removed, changed}}`', contentType: 'application/json' },
      202: { description: 'The diff is not computed yet', schema: ZDiffJobState },
      404: problem("Input set 'foo' not found."),
      409: problem('No ready revision to compare with; pass against'),
    },
  },
];

function pathParameters(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return names.map((name) => {
    if (name === 'ref') return ref;
    if (name === 'label') return label;
    return { name, in: 'path', required: true, schema: { type: 'string' } };
  });
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

/** The OpenAPI 3.1 document served at /api/openapi.json, generated from the zod contracts. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema || r.contentType
          ? { content: { [r.contentType ?? 'application/json']: r.schema ? { schema: jsonSchema(r.schema) } : {} } }
          : {}),
      };
    }
    if (op.role) {
      responses['401'] ??= { description: 'Not signed in / no valid token' };
      responses['403'] ??= { description: `Requires role ${op.role} or higher` };
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.role ? { security: [{ bearer: [] }, { session: [] }], 'x-required-role': op.role } : {}),
      parameters: [...pathParameters(op.path), ...queryParameters(op.query)],
      ...(op.body
        ? { requestBody: { required: true, content: { [op.body.contentType]: { schema: jsonSchema(op.body.schema) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Planning Hub API', version },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (planning tokens create)' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'planning_hub_session',
          description: 'Named `__Host-planning_hub_session` when the cookie is Secure (HTTPS); unsafe methods also need X-CSRF-Token.',
        },
      },
    },
    paths,
  };
}
