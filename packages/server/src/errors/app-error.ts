import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { formatMessage, messageOf, type TMessage } from '@planning-hub/contracts/messages/format-message';
import type {
  TErrorMessageCode,
  THintMessageCode,
  TMessageParams,
} from '@planning-hub/contracts/messages/catalog';
import type { TProblem } from '@planning-hub/contracts/problems';

/**
 * Every error a service throws on purpose. The API maps `code` to an HTTP status
 * (apps/api/src/http/problem-details.ts) and the CLI to an exit code.
 */
export const APP_ERROR_STATUS = {
  /** The request is malformed: bad label, bad query, unknown table. */
  bad_request: 400,
  /** No valid session or token. */
  unauthenticated: 401,
  /** Signed in, but the role (or the four-eyes policy) does not allow it. */
  forbidden: 403,
  /** An input set reference, run or event that does not exist. */
  not_found: 404,
  /** A transition that the current state refuses, or a concurrent one that lost. */
  conflict: 409,
  /** An upload over the size or file-count limit. */
  payload_too_large: 413,
  /** A bundle with validation errors (the records are in `problems`). */
  validation_failed: 422,
  /** Too many sign-in attempts. */
  rate_limited: 429,
  /** The database or a dependency is not reachable. */
  unavailable: 503,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

type TAppErrorOptions = {
  /** Help on what to do, by code: `hintOf('hint.input_set.check_label', {})`. */
  hint?: TMessage<THintMessageCode> | undefined;
  problems?: TProblem[];
  report?: TImportReport;
  cause?: unknown;
};

/** A hint's code with its parameters checked against the catalog. */
export function hintOf<TCode extends THintMessageCode>(
  code: TCode,
  params: TMessageParams<TCode>,
): TMessage<TCode> {
  return messageOf(code, params);
}

/**
 * `new AppError('not_found', 'error.input_set.not_found', { ref })`: the kind of error (its
 * HTTP status), the message's code in the catalog (packages/contracts/src/messages) and
 * the parameters its template names, which the compiler checks. `message` is the English
 * text, for logs; the API answers in the language the request asks for.
 */
export class AppError<TCode extends TErrorMessageCode = TErrorMessageCode> extends Error {
  readonly code: TAppErrorCode;
  readonly detail: TMessage;
  readonly hint: TMessage | undefined;
  readonly problems: TProblem[] | undefined;
  /** A refused upload's whole import report, so that a client (the CLI) can keep it as a successful one. */
  readonly report: TImportReport | undefined;

  constructor(
    code: TAppErrorCode,
    messageCode: TCode,
    params: TMessageParams<TCode>,
    options: TAppErrorOptions = {},
  ) {
    super(formatMessage('en', messageCode, params), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = messageOf(messageCode, params);
    this.hint = options.hint;
    this.problems = options.problems;
    this.report = options.report;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
