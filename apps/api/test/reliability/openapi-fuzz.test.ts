import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '@planning-hub/contracts/api/routes';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { requestAsWritten, type TRawAnswer } from '../support/request-as-written';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Every operation of /api/openapi.json, called as an admin (so that role checks pass)
 * with hostile values in each path, query and body field: huge, negative and
 * not-a-number numbers, `__proto__`, very long strings, control characters, unicode,
 * empty values, lists where one value goes, wrong JSON types. Whatever it is, the
 * answer is never a 5xx, and a refusal is RFC 9457 problem+json.
 */

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);

type TParameter = { name: string; in: 'path' | 'query'; required?: boolean };
type TOperation = {
  method: string;
  path: string;
  parameters: TParameter[];
  body?: { contentType: string; fields: string[] };
};

let server: TTestServer;
let admin: TTokenCaller;
let operations: TOperation[];
/** Values that reach past the first checks: a label with a draft, a real run and plan id, a user to change. */
const known: Record<string, string[]> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.createUserWithToken('admin');
  await importDraft(server.runtime.db.pool, 'fuzz');
  const victim = await server.createUser('viewer');
  const post = (path: string, body: unknown) =>
    server.fetch(path, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const plan = (await (await post(API.plans, { name: 'fuzz plan' })).json()) as { id: string };
  const run = (await (await post(API.runs, {})).json()) as { id: string };
  Object.assign(known, {
    ref: ['fuzz@draft', 'fuzz', 'fuzz@r1'],
    label: ['fuzz'],
    table: ['demand', 'params'],
    id: [plan.id, run.id],
    username: [victim.username],
  });
  const document = (await (await server.fetch(API.openapi)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: TParameter[];
          requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
        }
      >
    >;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(contentType
          ? { body: { contentType, fields: Object.keys(media?.schema?.properties ?? {}) } }
          : {}),
      };
    }),
  );
});
afterAll(() => server?.close());

/**
 * Long values: 100,000 characters in bodies, 4,000 bytes in paths and queries. A request
 * line past Node's 16 KiB header limit is answered 431 by Node itself, before the app sees
 * it: such calls are skipped (URL_LIMIT).
 */
const LONG_BODY = 'x'.repeat(100_000);
const LONG_URL = 'x'.repeat(4000);
const URL_LIMIT = 12_000;
const HOSTILE_TEXT = [
  '9999999999999999999',
  '1e309',
  '-1',
  '-9223372036854775809',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '__proto__',
  'constructor',
  'prototype',
  LONG_URL,
  'あ'.repeat(400),
  'ａｂｃ',
  '\u0000',
  '\u001b[2J\u001b[1;1H',
  'line\r\nbreak',
  '\ud800',
  '🧨💥',
  '../../etc/passwd',
  '..',
  '%00',
  '%',
  '',
  ' ',
  'null',
  'true',
  '[]',
  '{}',
];
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constant(LONG_BODY),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 1e308, -1, 0, 2 ** 63, -(2 ** 31), 0.5, null, true, false),
  fc.constantFrom([], [1, 2], ['a'], {}, { __proto__: 1 }, { nested: { deep: [1] } }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Percent-encodes every byte but the unreserved ones (a lone surrogate goes as UTF-8's replacement character). */
const percentEncode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** `value` as one path segment, sent as written (dots encoded too: no dot-segment folding by a URL parser). */
const segment = percentEncode;

async function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<TRawAnswer> {
  const answer = await requestAsWritten(server.baseUrl, { method, path, headers, body });
  return { ...answer, text: answer.text.slice(0, 500) };
}

function multipart(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = 'fuzz-boundary-5d1c';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  for (const [name, content] of Object.entries(VALID_BUNDLE)) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n${content}\r\n`,
    );
  }
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** One call of `op`: each value picked hostile or known (path), absent, hostile or repeated (query), hostile or absent (body). */
function callOf(op: TOperation) {
  const pathValues = fc.record(
    Object.fromEntries(
      op.parameters
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, fc.oneof(hostileText, fc.constantFrom(...(known[p.name] ?? ['x'])))]),
    ),
  );
  const queryValues = fc.record(
    Object.fromEntries(
      op.parameters
        .filter((p) => p.in === 'query')
        .map((p) => [
          p.name,
          fc.oneof(
            fc.constant(undefined),
            hostileText.map((v) => [v]),
            fc.array(hostileText, { minLength: 2, maxLength: 3 }),
          ),
        ]),
    ),
  );
  const bodyValue =
    op.body?.contentType === 'application/json'
      ? fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record(Object.fromEntries(op.body.fields.map((f) => [f, hostileJson])), {
              requiredKeys: [],
            }),
          },
          { weight: 1, arbitrary: hostileJson },
        )
      : op.body
        ? fc.record(
            Object.fromEntries(op.body.fields.map((f) => [f, fc.oneof(hostileText, fc.constant(LONG_BODY))])),
            { requiredKeys: [] },
          )
        : fc.constant(undefined);
  return fc.record({ pathValues, queryValues, bodyValue });
}

describe('every operation of /api/openapi.json, with hostile values', () => {
  it(
    'answers below 500, and refuses with problem+json',
    async () => {
      expect(operations.length).toBeGreaterThan(30);
      const seen = new Map<string, Set<number>>();
      for (const op of operations) {
        await fc.assert(
          fc.asyncProperty(callOf(op), async ({ pathValues, queryValues, bodyValue }) => {
            let path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
              segment(String((pathValues as Record<string, string>)[name])),
            );
            const query = Object.entries(queryValues as Record<string, string[] | undefined>).flatMap(
              ([name, values]) => (values ?? []).map((v) => `${percentEncode(name)}=${percentEncode(v)}`),
            );
            if (query.length > 0) path += `?${query.join('&')}`;
            fc.pre(path.length < URL_LIMIT);
            // Signing out or revoking would end the admin's own token: those get one of their own.
            const caller = /sign-out|revoke/.test(op.path)
              ? await server.createUserWithToken('admin')
              : admin;
            const headers: Record<string, string> = { ...caller.headers };
            let body: Buffer | undefined;
            if (op.body?.contentType === 'application/json') {
              headers['content-type'] = 'application/json';
              body = Buffer.from(JSON.stringify(bodyValue) ?? 'null');
            } else if (op.body) {
              const form = multipart(bodyValue as Record<string, string>);
              headers['content-type'] = form.contentType;
              body = form.body;
            }
            const res = await request(op.method, path, headers, body);
            const key = `${op.method} ${op.path}`;
            if (!seen.has(key)) seen.set(key, new Set());
            seen.get(key)!.add(res.status);
            expect(
              res.status,
              `${op.method} ${path.slice(0, 300)} -> ${res.status} ${res.text}`,
            ).toBeLessThan(500);
            if (res.status >= 400) {
              expect(
                res.contentType,
                `${op.method} ${path.slice(0, 300)} -> ${res.status} ${res.contentType}`,
              ).toContain('application/problem+json');
            }
          }),
          { numRuns: RUNS_PER_OPERATION },
        );
      }
      // Something got past the first checks: not every answer is the same refusal.
      expect([...seen.values()].some((statuses) => [...statuses].some((s) => s < 300))).toBe(true);
      expect((await server.fetch('/readyz')).status).toBe(200);
    },
    Math.max(120_000, RUNS_PER_OPERATION * 5000),
  );
});
