import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { TABLE_NAMES } from '../tables';
import { ZSession } from './auth';
import { ZListInputSetsResponse } from './input-sets';
import { ZListInputSetsAnswer, ZSessionAnswer } from './list-page-answers';

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

const cases = [
  { name: 'the session', classic: ZSession, mini: ZSessionAnswer, valid: session },
  { name: 'the list', classic: ZListInputSetsResponse, mini: ZListInputSetsAnswer, valid: list },
] as const;

describe.each(cases)('the list page parses $name as its contract does', ({ classic, mini, valid }) => {
  it('has the same JSON Schema', () => {
    expect(zm.toJSONSchema(mini)).toEqual(z.toJSONSchema(classic));
  });

  it('accepts and refuses the same answers', () => {
    expect(classic.safeParse(valid).success).toBe(true);
    const variants: unknown[] = [
      valid,
      { ...valid, extra: 1 },
      {},
      null,
      JSON.parse(JSON.stringify(valid).replace('"alice"', '1')),
      JSON.parse(JSON.stringify(valid).replace(':null', ':"x"')),
      JSON.parse(JSON.stringify(valid).replace('"planner"', '"owner"').replace('"draft"', '"gone"')),
      JSON.parse(JSON.stringify(valid).replace('"2026-12-07T00:00:00.000Z"', '"yesterday"')),
      JSON.parse(JSON.stringify(valid).replace('"demand":3', '"demand":3.5')),
      JSON.parse(JSON.stringify(valid).replace('"demand"', '"unknown_table"')),
    ];
    for (const answer of variants) {
      const expected = classic.safeParse(answer);
      const actual = mini.safeParse(answer);
      expect(actual.success).toBe(expected.success);
      if (expected.success) expect(actual.data).toEqual(expected.data);
    }
  });
});
