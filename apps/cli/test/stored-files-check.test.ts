import { describe, expect, it } from 'vitest';
import { jsonSchemaParser } from '@planning-hub/contracts/api/json-schema-parser';
import { ZLocalServerFile } from '@planning-hub/contracts/local-server';
import { ANSWER_JSON_SCHEMAS } from '../src/api/answer-json-schemas';
import { answerByJsonSchema } from '../src/api/answer-schema';
import { ZCredentialsFile } from '../src/connection/credentials-schema';

/**
 * server.json and credentials.json are checked by their JSON Schema before zod
 * (src/api/answer-json-schemas.ts): the checker may leave a file to zod, but must never
 * accept one zod refuses, nor return it otherwise; with zod behind it, the outcome is zod's.
 */
const serverFile = {
  format: 'planning-hub/local-server@1',
  url: 'http://127.0.0.1:8080',
  secret: 'a'.repeat(43),
  pid: 4242,
  startedAt: '2026-12-07T18:00:00.000Z',
};
const login = {
  token: 'ph_0123abcd_secret',
  username: 'alice',
  prefix: '0123abcd',
  expiresAt: null,
  createdAt: '2026-12-07T18:00:00.000Z',
};
const credentials = {
  format: 'planning-hub/credentials@1',
  servers: { 'http://127.0.0.1:8080': login, 'https://hub.example.jp': { ...login, expiresAt: 'x' } },
};

const cases = [
  {
    name: 'server.json',
    schema: ZLocalServerFile,
    jsonSchema: ANSWER_JSON_SCHEMAS.localServerFile,
    variants: [
      serverFile,
      { ...serverFile, extra: 1 },
      { ...serverFile, format: 'planning-hub/local-server@2' },
      { ...serverFile, url: 'not a url' },
      { ...serverFile, url: '' },
      { ...serverFile, url: ' http://127.0.0.1:8080 ' },
      { ...serverFile, url: 'http://127.0.0.1:8080/\tpath' },
      { ...serverFile, url: 'http://[::1]:8080' },
      { ...serverFile, url: 'mailto:someone@example.jp' },
      { ...serverFile, url: 1 },
      { ...serverFile, secret: 'short' },
      { ...serverFile, secret: `${'a'.repeat(42)}!` },
      { ...serverFile, pid: 1.5 },
      { ...serverFile, pid: '4242' },
      { ...serverFile, startedAt: 'yesterday' },
      { ...serverFile, startedAt: '2026-12-07T18:00:00+09:00' },
      { format: serverFile.format },
      null,
      [],
      'text',
    ],
  },
  {
    name: 'credentials.json',
    schema: ZCredentialsFile,
    jsonSchema: ANSWER_JSON_SCHEMAS.credentialsFile,
    variants: [
      credentials,
      { ...credentials, servers: {} },
      { ...credentials, format: 'planning-hub/credentials@0' },
      { ...credentials, extra: true },
      { ...credentials, servers: { a: { ...login, token: '' } } },
      { ...credentials, servers: { a: { ...login, token: 1 } } },
      { ...credentials, servers: { a: { ...login, expiresAt: 3 } } },
      { ...credentials, servers: { a: { ...login, extra: 'dropped' } } },
      { ...credentials, servers: { a: { token: 'x' } } },
      { ...credentials, servers: [] },
      { format: credentials.format },
      undefined,
      {},
    ],
  },
] as const;

describe.each(cases)('$name, checked by its JSON Schema', ({ schema, jsonSchema, variants }) => {
  const parser = jsonSchemaParser(jsonSchema);
  const checked = answerByJsonSchema(jsonSchema, async () => schema as never);

  it('never accepts what zod refuses, and returns what zod returns', () => {
    for (const variant of variants) {
      const expected = schema.safeParse(variant);
      const accepted = (() => {
        try {
          return { data: parser.parse(variant) };
        } catch {
          return null;
        }
      })();
      if (accepted) expect({ variant, data: accepted.data }).toEqual({ variant, data: expected.data });
      else if (expected.success) expect(JSON.stringify(variant)).toMatch(/ http|\\t/);
    }
  });

  it('with zod behind it, gives zod’s outcome for every file', async () => {
    for (const variant of variants) {
      const expected = schema.safeParse(variant);
      const actual = await checked.safeParse(variant);
      expect({ variant, success: actual.success }).toEqual({ variant, success: expected.success });
      if (expected.success && actual.success) expect(actual.data).toEqual(expected.data);
    }
  });
});
