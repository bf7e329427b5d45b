import type { Readable } from 'node:stream';
import {
  CLIENT_HEADER,
  LOCAL_OPERATOR_TOKEN_PREFIX,
  LOCAL_OPERATOR_USER_HEADER,
} from '@planning-hub/contracts/api/auth-values';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { messageOf, renderMessage } from '@planning-hub/contracts/messages/format-message';
import { cliLanguage } from '../cli-language';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import { describeServerSource, type TConnection } from '../connection/resolve-connection';
import { CLI_VERSION } from '../version';
import type { TAnswerSchema } from './answer-schema';
import { ApiError, ServerUnreachableError } from './api-error';
import { createHttpTransport, type THttpRequest, type THttpResponse } from './http-transport';

export type TQuery = Record<string, string | number | boolean | undefined>;

export type TSendOptions = {
  method?: string;
  query?: TQuery;
  headers?: Record<string, string>;
  body?: THttpRequest['body'];
  /** false: send no credential (sign-in, or a browser session's own cookie). */
  authenticated?: boolean;
};

export type TApiClient = {
  connection: TConnection;
  serverUrl: string;
  /** Any answer, with the CLI's headers and credential; only a server that does not answer throws. */
  send: (path: string, options?: TSendOptions) => Promise<THttpResponse>;
  /** send(), with a refusal (4xx, 5xx) thrown as the server's problem. */
  request: (path: string, options?: TSendOptions) => Promise<THttpResponse>;
  getJson: <T>(path: string, schema: TAnswerSchema<T>, query?: TQuery) => Promise<T>;
  sendJson: <T>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
    schema: TAnswerSchema<T>,
  ) => Promise<T>;
  /** The body as JSON, checked against its contract. */
  parseJson: <T>(response: THttpResponse, schema: TAnswerSchema<T>) => Promise<T>;
  close: () => void;
};

/** Errors that mean nothing listens there, as opposed to a connection that broke midway. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);

export async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The problem of a refused request; a body that is none (a proxy's HTML page) becomes one that says what came. */
export async function readProblem(response: THttpResponse): Promise<TProblemDetails> {
  const text = await readText(response.body);
  // Loaded here, not with the module: a command that succeeds needs no zod for it (docs/performance.md, CLI start-up).
  const { ZProblemDetails } = await import('@planning-hub/contracts/api/problem-details');
  try {
    const parsed = ZProblemDetails.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: described below
  }
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  const { status } = response;
  const detail = excerpt
    ? messageOf('cli.error.http_status_excerpt', { status, excerpt })
    : messageOf('cli.error.http_status', { status });
  return {
    type: 'about:blank',
    title: 'Error',
    status,
    code: status === 401 ? 'unauthenticated' : 'http_error',
    detail: renderMessage(cliLanguage(), detail),
    messageCode: detail.code,
    params: detail.params,
  };
}

function authorizationHeaders(connection: TConnection): Record<string, string> {
  const { credential } = connection;
  if (!credential) return {};
  if (credential.kind === 'token') return { authorization: `Bearer ${credential.token}` };
  return {
    authorization: `Bearer ${LOCAL_OPERATOR_TOKEN_PREFIX}${credential.secret}`,
    [LOCAL_OPERATOR_USER_HEADER]: credential.osUser,
  };
}

/**
 * The REST API as the CLI uses it: every request names the client (X-Planning-Client, so
 * the server counts its imports and runs under entrypoint "cli") and carries the credential.
 */
export async function createApiClient(connection: TConnection): Promise<TApiClient> {
  const { serverUrl } = connection;
  const transport = await createHttpTransport(new URL(serverUrl));
  const baseHeaders = {
    [CLIENT_HEADER]: `planning/${CLI_VERSION}`,
    'user-agent': `planning-cli/${CLI_VERSION}`,
    'accept-encoding': 'gzip',
    // The server writes its problems (error lines, hints) in the CLI's language.
    'accept-language': cliLanguage(),
  };

  const send: TApiClient['send'] = async (
    path,
    { method = 'GET', query, headers = {}, body, authenticated = true } = {},
  ) => {
    const url = new URL(`${serverUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    try {
      return await transport.send({
        method,
        url,
        headers: { ...baseHeaders, ...(authenticated ? authorizationHeaders(connection) : {}), ...headers },
        body,
      });
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const reason = error instanceof Error ? error.message : String(error);
      if (UNREACHABLE.has(code))
        throw new ServerUnreachableError(serverUrl, reason, describeServerSource(connection.serverSource));
      throw new CliError(
        cliText('cli.error.request_failed', { url: `${url.origin}${url.pathname}`, detail: reason }),
        { cause: error },
      );
    }
  };

  const request: TApiClient['request'] = async (path, options) => {
    const response = await send(path, options);
    if (response.status >= 400) throw new ApiError(await readProblem(response));
    return response;
  };

  const parseJson: TApiClient['parseJson'] = async (response, schema) => {
    const text = await readText(response.body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(cliText('cli.error.not_json', { serverUrl, status: response.status }));
    }
    const parsed = await schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        issue
          ? cliText('cli.error.unknown_shape_issue', {
              serverUrl,
              version: CLI_VERSION,
              path: issue.path.join('.') || 'body',
              detail: issue.message,
            })
          : cliText('cli.error.unknown_shape', { serverUrl, version: CLI_VERSION }),
        { hint: cliText('cli.hint.same_release', {}) },
      );
    }
    return parsed.data;
  };

  return {
    connection,
    serverUrl,
    send,
    request,
    parseJson,
    getJson: async (path, schema, query) => parseJson(await request(path, { query }), schema),
    sendJson: async (method, path, body, schema) =>
      parseJson(
        await request(path, {
          method,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        }),
        schema,
      ),
    close: transport.close,
  };
}
