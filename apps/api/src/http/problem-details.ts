import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { APP_ERROR_STATUS, isAppError } from '@planning-hub/server/errors/app-error';
import type { TLogger } from '@planning-hub/server/observability/logger';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function send(res: Parameters<RequestHandler>[1], body: TProblemDetails): void {
  // A 503 is a moment's overload: say when to come back (a route may have said it already).
  if (body.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
  res.status(body.status).type('application/problem+json').json(body);
}

function problem(status: number, code: string, detail: string, requestId: string | undefined): TProblemDetails {
  return {
    type: `https://planning-hub.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(requestId ? { requestId } : {}),
  };
}

/** How long a client is asked to wait when the database is saturated. */
const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;

/** SQLSTATEs of a database that is saturated or too slow, not of a bad request: try again later. */
const BUSY_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
  '57P03', // cannot_connect_now (starting up, shutting down)
]);
/** node-postgres: no pool connection free within DB_ACQUIRE_TIMEOUT_SECONDS, or none opened in time. */
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

/**
 * SQLSTATEs of a value PostgreSQL cannot take: a NUL character or bytes that are not
 * UTF-8, a text too long for its column, a number out of its type's range, text that is
 * not the number or id it should be. Contracts refuse these first; where one slips
 * through, the request is at fault, not the server.
 */
const BAD_VALUE_SQLSTATES = new Set([
  '22021', // character_not_in_repertoire: NUL, invalid UTF-8
  '22P05', // untranslatable_character
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22P02', // invalid_text_representation
]);

type TErrorFields = { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };

/** `error` and what it wraps (Prisma's driver adapter keeps the pg error as a cause), a few levels deep. */
function* errorChain(error: unknown): Generator<TErrorFields> {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    yield current as TErrorFields;
    current = (current as TErrorFields).cause;
  }
}

function hasSqlState(error: unknown, states: ReadonlySet<string>): boolean {
  for (const fields of errorChain(error)) {
    for (const code of [fields.code, fields.originalCode]) if (typeof code === 'string' && states.has(code)) return true;
  }
  return false;
}

/** Whether `error` says the database is saturated: an exhausted pool, a statement or lock timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  if (hasSqlState(error, BUSY_SQLSTATES)) return true;
  for (const fields of errorChain(error)) if (typeof fields.message === 'string' && BUSY_MESSAGES.test(fields.message)) return true;
  return false;
}

/** 404 for unknown /api paths (the SPA fallback handles the rest). */
export const notFoundHandler: RequestHandler = (req, res) => {
  send(res, problem(404, 'not_found', `No API route ${req.method} ${req.baseUrl}${req.path}.`, req.id as string | undefined));
};

/** One place that turns every error into RFC 9457 problem+json; 500s never leak internals. */
export function problemDetailsHandler(logger: TLogger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = req.id as string | undefined;
    if (isAppError(error)) {
      const status = APP_ERROR_STATUS[error.code];
      send(res, {
        ...problem(status, error.code, error.message, requestId),
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.problems ? { errors: error.problems } : {}),
        ...(error.report ? { report: error.report } : {}),
      });
      return;
    }
    if (error instanceof ZodError) {
      const detail = error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      send(res, problem(400, 'bad_request', detail, requestId));
      return;
    }
    // body-parser and friends mark client errors with a 4xx status.
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : 'bad_request';
      send(res, problem(status, code, (error as Error).message || 'Bad request.', requestId));
      return;
    }
    if (hasSqlState(error, BAD_VALUE_SQLSTATES)) {
      logger.warn({ err: error, requestId }, 'database_refused_value');
      send(res, problem(400, 'bad_request', 'A value of the request cannot be stored or compared (a NUL character, a number out of range, text too long?).', requestId));
      return;
    }
    if (isDatabaseBusy(error)) {
      logger.warn({ err: error, requestId }, 'database_busy');
      send(res, problem(503, 'unavailable', 'The database is busy; try again in a few seconds.', requestId));
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    send(res, problem(500, 'internal', 'Something went wrong on our side. The request id helps us find it.', requestId));
  };
}
