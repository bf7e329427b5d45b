import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import type { TErrorMessageCode, TMessageParams } from '@planning-hub/contracts/messages/catalog';
import {
  formatMessage,
  formatMessageOf,
  messageOf,
  renderMessage,
  type TMessage,
} from '@planning-hub/contracts/messages/format-message';
import { languageOfAcceptLanguage, type TLanguage } from '@planning-hub/contracts/messages/language';
import { APP_ERROR_STATUS, isAppError } from '@planning-hub/server/errors/app-error';
import type { TLogger } from '@planning-hub/server/observability/logger';

/** The language a request's answer is written in: Japanese when Accept-Language asks for it first. */
export function languageOfRequest(req: Pick<Request, 'get'>): TLanguage {
  return languageOfAcceptLanguage(req.get('accept-language'));
}

function send(res: Response, body: TProblemDetails, language: TLanguage): void {
  // A 503 is a moment's overload: say when to come back (a route may have said it already).
  if (body.status === 503 && !res.getHeader('Retry-After'))
    res.setHeader('Retry-After', String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
  res.vary('Accept-Language').setHeader('Content-Language', language);
  res.status(body.status).type('application/problem+json').json(body);
}

/**
 * RFC 9457 problem details in `language`: `detail` (and `hint`) from their message codes,
 * which the body carries too, so that a client can say them in its reader's language.
 */
export function buildProblem(
  language: TLanguage,
  {
    status,
    code,
    detail,
    hint,
    requestId,
  }: {
    status: number;
    code: string;
    detail: TMessage;
    hint?: TMessage | undefined;
    requestId: string | undefined;
  },
): TProblemDetails {
  return {
    type: `https://planning-hub.dev/problems/${code}`,
    title: formatMessageOf(language, `title.${status}`, {}) ?? formatMessage(language, 'title.other', {}),
    status,
    detail: renderMessage(language, detail),
    code,
    messageCode: detail.code,
    params: detail.params,
    ...(requestId ? { requestId } : {}),
    ...(hint ? { hint: renderMessage(language, hint), hintCode: hint.code, hintParams: hint.params } : {}),
  };
}

/** The problem of an error that is not an AppError: a status, a kind and a message by code. */
function sendProblem<TCode extends TErrorMessageCode>(
  req: Request,
  res: Response,
  { status, code }: { status: number; code: string },
  messageCode: TCode,
  params: TMessageParams<TCode>,
): void {
  const language = languageOfRequest(req);
  send(
    res,
    buildProblem(language, {
      status,
      code,
      detail: messageOf(messageCode, params),
      requestId: req.id as string | undefined,
    }),
    language,
  );
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
const BUSY_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

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

type TErrorFields = {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * `error` and what it wraps, a few levels deep: a cause, or the driver adapter's error that
 * Prisma's client errors keep in `meta.driverAdapterError` (whose cause is PostgreSQL's, with
 * its SQLSTATE as `originalCode`).
 */
function* errorChain(error: unknown): Generator<TErrorFields> {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const fields = current as TErrorFields;
    yield fields;
    current = fields.cause ?? fields.meta?.driverAdapterError;
  }
}

function hasSqlState(error: unknown, states: ReadonlySet<string>): boolean {
  for (const fields of errorChain(error)) {
    for (const code of [fields.code, fields.originalCode])
      if (typeof code === 'string' && states.has(code)) return true;
  }
  return false;
}

/** Whether `error` says the database is saturated: an exhausted pool, a statement or lock timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  if (hasSqlState(error, BUSY_SQLSTATES)) return true;
  for (const fields of errorChain(error))
    if (typeof fields.message === 'string' && BUSY_MESSAGES.test(fields.message)) return true;
  return false;
}

/** 404 for unknown /api paths (the SPA fallback handles the rest). */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(req, res, { status: 404, code: 'not_found' }, 'error.api.no_route', {
    method: req.method,
    path: `${req.baseUrl}${req.path}`,
  });
};

/** One place that turns every error into RFC 9457 problem+json; 500s never leak internals. */
export function problemDetailsHandler(logger: TLogger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = req.id as string | undefined;
    if (isAppError(error)) {
      const language = languageOfRequest(req);
      const status = APP_ERROR_STATUS[error.code];
      send(
        res,
        {
          ...buildProblem(language, {
            status,
            code: error.code,
            detail: error.detail,
            hint: error.hint,
            requestId,
          }),
          ...(error.problems ? { errors: error.problems } : {}),
          ...(error.report ? { report: error.report } : {}),
        },
        language,
      );
      return;
    }
    if (error instanceof ZodError) {
      // zod's own words (English): the paths and values are the request's.
      const detail = error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      sendProblem(req, res, { status: 400, code: 'bad_request' }, 'error.request.invalid', { detail });
      return;
    }
    // body-parser and friends mark client errors with a 4xx status.
    const status =
      (error as { status?: number; statusCode?: number }).status ??
      (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : 'bad_request';
      const reason = (error as Error).message;
      if (reason) sendProblem(req, res, { status, code }, 'error.request.refused', { detail: reason });
      else sendProblem(req, res, { status, code }, 'error.request.bad', {});
      return;
    }
    if (hasSqlState(error, BAD_VALUE_SQLSTATES)) {
      logger.warn({ err: error, requestId }, 'database_refused_value');
      sendProblem(req, res, { status: 400, code: 'bad_request' }, 'error.request.bad_value', {});
      return;
    }
    if (isDatabaseBusy(error)) {
      logger.warn({ err: error, requestId }, 'database_busy');
      sendProblem(req, res, { status: 503, code: 'unavailable' }, 'error.server.database_busy', {});
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    sendProblem(req, res, { status: 500, code: 'internal' }, 'error.server.internal', {});
  };
}
