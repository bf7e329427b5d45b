import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
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

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly hint: string | undefined;
  readonly problems: TProblem[] | undefined;
  /** A refused upload's whole import report, so that a client (the CLI) can keep it as a successful one. */
  readonly report: TImportReport | undefined;

  constructor(
    code: TAppErrorCode,
    options: { message: string; hint?: string; problems?: TProblem[]; report?: TImportReport; cause?: unknown },
  ) {
    super(options.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.problems = options.problems;
    this.report = options.report;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
