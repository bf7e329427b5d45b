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
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function send(res: Parameters<RequestHandler>[1], body: TProblemDetails): void {
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
    logger.error({ err: error, requestId }, 'unhandled error');
    send(res, problem(500, 'internal', 'Something went wrong on our side. The request id helps us find it.', requestId));
  };
}
