import type * as TProblemDetailsModule from '@planning-hub/contracts/api/problem-details';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import type { TErrorMessageCode, TMessageParams } from '@planning-hub/contracts/messages/catalog';
import type { TLanguage } from '@planning-hub/contracts/messages/language';
import { loadedMessageCatalog, loadMessageCatalog } from './message-catalog';

/** Any zod schema (or anything else) that can turn unknown JSON into T. */
export type TSchema<T> = { parse: (data: unknown) => T };

/** An API call that did not succeed; `problem` is always an RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblemDetails;

  constructor(problem: TProblemDetails) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The session's CSRF token; set when /api/auth/me or sign-in answers, cleared on sign-out.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// The language the reader chose: the API writes its problem+json `detail` and `hint` in it.
let requestLanguage: TLanguage = 'en';

export function setRequestLanguage(language: TLanguage): void {
  requestLanguage = language;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers every request sends, with the reader's language; unsafe methods carry the CSRF token. */
export function buildRequestHeaders(
  method: string,
  token: string | null = csrfToken,
): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': requestLanguage,
  };
  if (!SAFE_METHODS.has(method.toUpperCase()) && token) headers['X-CSRF-Token'] = token;
  return headers;
}

/**
 * A problem the SPA makes up itself, by message code as the API's are (English text; pages
 * say it by code). apiRequest loads the catalog before it makes one; the title stands in
 * for the text only in the moment after the first render, before the catalog has arrived
 * (lib/message-catalog.ts), and the alert says it by code once it has.
 */
function clientProblem<TCode extends TErrorMessageCode>(
  { status, code, title }: { status: number; code: string; title: string },
  messageCode: TCode,
  params: TMessageParams<TCode>,
): TProblemDetails {
  return {
    type: 'about:blank',
    title,
    status,
    detail: loadedMessageCatalog()?.formatMessage('en', messageCode, params) ?? title,
    code,
    messageCode,
    params,
  };
}

/** A problem for answers that are not problem+json (a proxy's HTML 502, an empty 500). */
export function fallbackProblem(status: number, statusText = ''): TProblemDetails {
  const title = statusText || (status === 0 ? 'Network error' : `HTTP ${status}`);
  if (status === 0)
    return clientProblem({ status, code: 'network_error', title }, 'error.client.network', {});
  if (status === 413)
    return clientProblem({ status, code: 'payload_too_large', title }, 'error.client.too_large', {});
  return statusText
    ? clientProblem({ status, code: 'http_error', title }, 'error.client.http_status_text', {
        status,
        statusText,
      })
    : clientProblem({ status, code: 'http_error', title }, 'error.client.http_status', { status });
}

/**
 * ZProblemDetails, with the import report a refused upload carries, is built on classic
 * zod, which the list page does not need before it is usable (docs/performance.md,
 * Browser): it loads with the message catalog, before an error is made (loadCatalogForError).
 */
let problemDetails: typeof TProblemDetailsModule | null = null;

async function loadProblemDetailsSchema(): Promise<void> {
  problemDetails ??= await import('@planning-hub/contracts/api/problem-details').catch(() => null);
}

/**
 * Turns an error answer's body (already parsed JSON, or null) into an ApiError. Called
 * after loadCatalogForError, which loads the problem schema; when that chunk could not
 * load (the network is gone), the answer is told by its status alone.
 */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const parsed = problemDetails?.ZProblemDetails.safeParse(body);
  if (parsed?.success) return new ApiError(parsed.data);
  return new ApiError(fallbackProblem(status, statusText));
}

/** An answer that passed HTTP but not its contract: the API and SPA disagree. */
export function contractMismatch(path: string, status: number): ApiError {
  return new ApiError(
    clientProblem(
      { status, code: 'invalid_response', title: 'Unexpected response' },
      'error.client.contract_mismatch',
      { path },
    ),
  );
}

export function parseJsonText(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export type TQueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, TQueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * What an error about to be thrown needs: the message catalog (an error without it still
 * says its title) and the problem schema (toApiError).
 */
export async function loadCatalogForError(): Promise<void> {
  await Promise.all([loadMessageCatalog().catch(() => undefined), loadProblemDetailsSchema()]);
}

type TRequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, TQueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser writes its boundary). */
  form?: FormData;
  schema: TSchema<T>;
  signal?: AbortSignal;
};

/**
 * fetch + contract parsing + problem+json errors. Every answer is parsed with its
 * zod schema; every failure becomes an ApiError carrying a problem.
 */
export async function apiRequest<T>(path: string, options: TRequestOptions<T>): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = buildRequestHeaders(method);
  let body: string | FormData | undefined = options.form;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    await loadCatalogForError();
    throw new ApiError(fallbackProblem(0));
  }
  const data = parseJsonText(await response.text());
  if (!response.ok) {
    await loadCatalogForError();
    throw toApiError(response.status, response.statusText, data);
  }
  try {
    return options.schema.parse(data);
  } catch (error) {
    // Worth a console line: it means the API and the contracts have drifted apart.
    console.error(`Response of ${method} ${path} does not match its contract`, error);
    await loadCatalogForError();
    throw contractMismatch(path, response.status);
  }
}

/** For endpoints that answer 204 or a body nobody reads. */
export const ZIgnoredBody: TSchema<null> = { parse: () => null };
