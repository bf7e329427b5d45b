import type { z } from 'zod';
import type { TRole } from '../auth';
import { ZProblemDetails } from '../problem-details';

export type TOperationResponse = {
  description: string;
  /** The JSON body; the API parses what it sends with it (apps/api/src/http/mount.ts). */
  schema?: z.ZodType;
  /** Defaults to application/json when `schema` is set. */
  contentType?: string;
};

/**
 * One API operation, declared once (CONTRIBUTING.md, "A read-only endpoint"): the API
 * mounts it, the OpenAPI document describes it, the SPA and the CLI build its URL.
 */
export type TOperation = {
  /** Unique, verb-first: `getInputSet`, `createPlan`. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/api/plans/input_sets/{ref}`. */
  path: string;
  summary: string;
  /** Minimum role; omitted for public endpoints. */
  role?: TRole;
  /** Path parameters, when they need more than "a string". */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { contentType: string; schema: z.ZodType };
  responses: Record<number, TOperationResponse>;
};

/**
 * An area's operations, each named by its key (which becomes its `id`). Keeps the literal
 * method, path and schemas, for typed mounts and URL builders.
 */
export function defineOperations<const T extends Record<string, Omit<TOperation, 'id'>>>(
  operations: T,
): { [K in keyof T & string]: T[K] & { id: K } } {
  return Object.fromEntries(
    Object.entries(operations).map(([id, operation]) => [id, { id, ...operation }]),
  ) as {
    [K in keyof T & string]: T[K] & { id: K };
  };
}

/** An error answer: RFC 9457 problem+json. */
export const problem = (description: string) =>
  ({ description, schema: ZProblemDetails, contentType: 'application/problem+json' }) as const;

/** `'/a/{ref}/b/{table}'` -> `['ref', 'table']` */
export type TPathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? [Name, ...TPathParamNames<Rest>]
  : [];

export type TPathParams<P extends string> = { [K in TPathParamNames<P>[number]]: string };

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
