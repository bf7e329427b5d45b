import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../tables';
import { FIRST_PAGE_ANSWERS, firstPageAnswerJsonSchemas } from './first-page-answers';
import { jsonSchemaParser } from './json-schema-parser';

const session = {
  user: { username: 'alice', role: 'planner', employeeId: null },
  csrfToken: 'c',
  via: 'session',
  tokenExpiresAt: null,
};
const summary = {
  id: 1,
  label: 'foo',
  revision: 2,
  ref: 'foo@draft',
  status: 'draft',
  versionId: 'v1',
  note: null,
  contentHash: 'abc',
  // Every table has its count (a record keyed by an enum is exhaustive in zod 4).
  rowCounts: { ...Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])), demand: 3 },
  errorCount: 0,
  warningCount: 1,
  uploadedBy: 'alice',
  approvedBy: null,
  approvedAt: null,
  reviewerId: null,
  reviewComment: null,
  createdAt: '2026-12-07T00:00:00.000Z',
  updatedAt: '2026-12-07T00:00:00.000Z',
};
const list = { items: [summary], total: 1, nextOffset: null };

/** The answer with its JSON text edited: one way a drifting API could break it. */
const edited = (valid: unknown, from: string, to: string): unknown =>
  JSON.parse(JSON.stringify(valid).replace(from, to)) as unknown;

/** The answer with every object's keys in the reverse order: zod returns them in its schema's order. */
const reversed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversed)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, item]) => [key, reversed(item)]),
        )
      : value;

const cases = [
  { name: 'the session', answer: 'session', valid: session },
  { name: 'the list', answer: 'inputSets', valid: list },
] as const;

describe.each(cases)(
  'the SPA parses $name by its JSON Schema as the API does by zod',
  ({ answer, valid }) => {
    const zodSchema = FIRST_PAGE_ANSWERS[answer];
    const parser = jsonSchemaParser(firstPageAnswerJsonSchemas()[answer]);

    it('accepts, refuses and returns what the zod schema does', () => {
      expect(zodSchema.safeParse(valid).success).toBe(true);
      const variants: unknown[] = [
        valid,
        { ...valid, extra: 1 },
        {},
        null,
        [],
        'text',
        edited(valid, '"alice"', '1'),
        edited(valid, ':null', ':"x"'),
        edited(valid, ':null', ':1'),
        edited(valid, '"c"', 'null'),
        edited(valid, '"planner"', '"owner"'),
        edited(valid, '"draft"', '"gone"'),
        edited(valid, '"session"', '"cookie"'),
        edited(valid, 'null}', '"2026-12-07T00:00:00Z"}'),
        edited(valid, 'null}', '"2026-02-30T00:00:00Z"}'),
        edited(valid, '"2026-12-07T00:00:00.000Z"', '"yesterday"'),
        edited(valid, '"2026-12-07T00:00:00.000Z"', '"2026-12-07T00:00:00+09:00"'),
        edited(valid, '"demand":3', '"demand":3.5'),
        edited(valid, '"demand":3', '"demand":"3"'),
        edited(valid, '"demand":3', '"demand":1e300'),
        edited(valid, '"demand"', '"unknown_table"'),
        edited(valid, ',"demand":3', ''),
        edited(valid, '"total":1', '"total":-1'),
        edited(valid, '"items":[', '"items":[1,'),
        edited(valid, '"employeeId":null', '"employeeId":null,"extra":1'),
        edited(valid, '"note":null', '"note":null,"extra":{}'),
        { ...valid, items: 'none' },
        { ...valid, nextOffset: 500 },
        { ...valid, nextOffset: 0.5 },
        { ...valid, user: undefined },
        reversed(valid),
      ];
      for (const variant of variants) {
        const expected = zodSchema.safeParse(variant);
        const actual = (() => {
          try {
            return { success: true, data: parser.parse(variant) } as const;
          } catch {
            return { success: false } as const;
          }
        })();
        expect({ variant, success: actual.success }).toEqual({ variant, success: expected.success });
        // In zod's order of keys too: `planning list --json` prints what the checker returns.
        if (expected.success && actual.success)
          expect(JSON.stringify(actual.data)).toBe(JSON.stringify(expected.data));
      }
    });
  },
);

describe('jsonSchemaParser', () => {
  it('refuses a schema with a keyword it does not check', () => {
    expect(() => jsonSchemaParser({ type: 'string', maxLength: 1 } as never)).toThrow(/maxLength/);
    expect(() => jsonSchemaParser({ type: 'string', format: 'email' } as never)).toThrow(/email/);
  });
});
