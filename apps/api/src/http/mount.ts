import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { TOperation, TPathParams } from '@planning-hub/contracts/api/operations/define-operation';
import { prepareAnswer, sendPreparedAnswer, type TAnswerCache } from './answer-cache';
import { requireRole } from './authenticate';

/** The /api routers are mounted at /api (app.ts); probes are mounted at the root. */
const API_PREFIX = '/api';
const DEFAULT_JSON_LIMIT = '16kb';

type TParams<Op extends TOperation> = Op['params'] extends z.ZodObject
  ? z.output<Op['params']>
  : TPathParams<Op['path']>;
type TQuery<Op extends TOperation> = Op['query'] extends z.ZodObject ? z.output<Op['query']> : undefined;
type TBody<Op extends TOperation> = Op['body'] extends {
  contentType: 'application/json';
  schema: infer S extends z.ZodType;
}
  ? z.output<S>
  : undefined;

/** What a handler gets: the request parsed with the operation's schemas, and `req`/`res` for headers and the actor. */
export type TMountInput<Op extends TOperation> = {
  req: Request;
  res: Response;
  params: TParams<Op>;
  query: TQuery<Op>;
  body: TBody<Op>;
};

/**
 * An answer kept in the operation's answer cache (TMountOptions.answerCache) while
 * `version` holds: `read` runs only when the cache has no answer for `key` at `version`.
 * `version` must be read from the database before the answer's data is (answer-cache.ts).
 */
export type TCachedBody<B> = { key: string; version: string; read: () => Promise<B> };

/**
 * One answer per declared status that is not a problem: its body is the input of the
 * status's schema, or, for a cached answer, how to read it.
 */
export type TReply<Op extends TOperation> = {
  [S in keyof Op['responses'] & number]: Op['responses'][S] extends {
    contentType: 'application/problem+json';
  }
    ? never
    : Op['responses'][S] extends { schema: infer Z extends z.ZodType }
      ? | { status: S; body: z.input<Z>; cached?: never }
        | { status: S; body?: never; cached: TCachedBody<z.input<Z>> }
      : { status: S; body?: unknown; cached?: never };
}[keyof Op['responses'] & number];

export type TMountOptions = {
  /** Runs after the role check and the JSON body parser, before the input is parsed (sign-in's rate limits). */
  before?: RequestHandler[];
  /** express.json's limit for this operation's body. */
  jsonLimit?: string;
  /** Where `cached` replies are kept (one per router: a process may serve several databases in tests). */
  answerCache?: TAnswerCache;
};

/** The Express path of an operation: `{ref}` becomes `:ref`, and /api is left to the mount point. */
export function expressPath(template: string): string {
  const path = template.startsWith(`${API_PREFIX}/`) ? template.slice(API_PREFIX.length) : template;
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Registers one operation of packages/contracts (CONTRIBUTING.md, "A read-only endpoint"):
 * its method and path, `requireRole(operation.role)`, the JSON body parser, the params,
 * query and body parsed with its schemas, and the answer parsed with the schema of its
 * status before it is sent (which also drops fields the contract does not name).
 */
// `const R`: TypeScript keeps `status: 200` a literal only when the reply is a type parameter of its own.
export function mount<const Op extends TOperation, const R extends TReply<Op>>(
  router: Router,
  operation: Op,
  handler: (input: TMountInput<NoInfer<Op>>) => Promise<R> | R,
  options: TMountOptions = {},
): void {
  const isJsonBody = operation.body?.contentType === 'application/json';
  const chain = [
    ...guard(operation),
    ...(isJsonBody ? [express.json({ limit: options.jsonLimit ?? DEFAULT_JSON_LIMIT })] : []),
    ...(options.before ?? []),
  ];
  router[operation.method](expressPath(operation.path), ...chain, async (req: Request, res: Response) => {
    const input = parseInput(operation, req);
    const body = (isJsonBody ? operation.body!.schema.parse(req.body ?? {}) : undefined) as TBody<Op>;
    const reply: { status: number; body?: unknown; cached?: TCachedBody<unknown> } = await handler({
      req,
      res,
      ...input,
      body,
    });
    if (reply.cached) {
      const { cached } = reply;
      if (!options.answerCache) throw new Error(`${operation.id} answered from a cache it was not given`);
      // Parsed by the contract once, when the answer is made; a hit sends the same bytes again.
      const prepared = await options.answerCache.answer(
        `${operation.id} ${cached.key}`,
        cached.version,
        async () => prepareAnswer(reply.status, parseReplyBody(operation, reply.status, await cached.read())),
      );
      sendPreparedAnswer(req, res, prepared);
      return;
    }
    sendReply(operation, res, reply);
  });
}

/**
 * For operations whose answer is not one JSON value (a zip, a file or a JSON stream, a
 * multipart upload, Prometheus text): the role check and the params and query parsed;
 * the handler reads the body and writes the response itself.
 */
export function mountRaw<const Op extends TOperation>(
  router: Router,
  operation: Op,
  handler: (input: Omit<TMountInput<NoInfer<Op>>, 'body'>) => Promise<void> | void,
): void {
  router[operation.method](
    expressPath(operation.path),
    ...guard(operation),
    async (req: Request, res: Response) => {
      await handler({ req, res, ...parseInput(operation, req) });
    },
  );
}

function guard(operation: TOperation): RequestHandler[] {
  return operation.role ? [requireRole(operation.role)] : [];
}

function parseInput<Op extends TOperation>(
  operation: Op,
  req: Request,
): { params: TParams<Op>; query: TQuery<Op> } {
  try {
    const rawParams = Object.fromEntries(
      Object.entries(req.params).map(([name, value]) => [name, String(value)]),
    );
    return {
      params: (operation.params ? operation.params.parse(rawParams) : rawParams) as TParams<Op>,
      query: (operation.query ? operation.query.parse(req.query) : undefined) as TQuery<Op>,
    };
  } catch (error) {
    // An unread body (a multipart upload) is drained, so the client reads the refusal.
    req.resume();
    throw error;
  }
}

function sendReply(operation: TOperation, res: Response, reply: { status: number; body?: unknown }): void {
  const declared = operation.responses[reply.status];
  if (!declared)
    throw new Error(`${operation.id} answered ${reply.status}, which its declaration does not list`);
  res.status(reply.status);
  if (reply.body === undefined) {
    res.end();
    return;
  }
  res.json(parseReplyBody(operation, reply.status, reply.body));
}

/** The body as the status's schema parses it (which drops fields the contract does not name). */
function parseReplyBody(operation: TOperation, status: number, body: unknown): unknown {
  const declared = operation.responses[status];
  if (!declared) throw new Error(`${operation.id} answered ${status}, which its declaration does not list`);
  if (!declared.schema) return body;
  // An answer its own contract refuses is the server's fault (500), never the client's (400).
  const parsed = declared.schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`${operation.id} answered ${status} with a body its contract refuses`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
