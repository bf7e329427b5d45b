import * as z from 'zod/mini';
import { TABLE_NAMES } from '../tables';
import type { TSession } from './auth';
import { AUTH_METHODS, ROLES } from './auth-values';
import type { TListInputSetsResponse } from './input-sets';
import { INPUT_SET_STATUSES } from './input-set-statuses';

/**
 * The two answers the SPA's first page parses, ZSession (auth.ts) and
 * ZListInputSetsResponse (input-sets.ts), written again with `zod/mini`: the classic
 * schemas pull all of zod's classic API (about 25 KiB gzip) into the page before the
 * list is usable, and zod/mini is tree-shaken to what these use (docs/performance.md,
 * Browser). The API still answers with the classic schemas; the types below must equal
 * theirs, and list-page-answers.test.ts checks that both accept and refuse the same JSON.
 */

const ZCurrentUserAnswer = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  employeeId: z.nullable(z.string()),
});

/** GET /api/auth/me, as ZSession. */
export const ZSessionAnswer = z.object({
  user: ZCurrentUserAnswer,
  csrfToken: z.string(),
  via: z.enum(AUTH_METHODS),
  tokenExpiresAt: z.nullable(z.iso.datetime()),
});

const ZInputSetSummaryAnswer = z.object({
  id: z.int(),
  label: z.string(),
  revision: z.int(),
  ref: z.string(),
  status: z.enum(INPUT_SET_STATUSES),
  versionId: z.string(),
  note: z.nullable(z.string()),
  contentHash: z.string(),
  rowCounts: z.record(z.enum(TABLE_NAMES), z.int()),
  errorCount: z.int(),
  warningCount: z.int(),
  uploadedBy: z.string(),
  approvedBy: z.nullable(z.string()),
  approvedAt: z.nullable(z.iso.datetime()),
  reviewerId: z.nullable(z.string()),
  reviewComment: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** GET /api/plans/input_sets, as ZListInputSetsResponse. */
export const ZListInputSetsAnswer = z.object({
  items: z.array(ZInputSetSummaryAnswer),
  total: z.int(),
  nextOffset: z.nullable(z.int()),
});

/** Compiles only while each answer's type is exactly its classic schema's. */
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type TAssertTrue<T extends true> = T;
export type TListPageAnswersMatchTheirContracts = [
  TAssertTrue<TSame<z.infer<typeof ZSessionAnswer>, TSession>>,
  TAssertTrue<TSame<z.infer<typeof ZListInputSetsAnswer>, TListInputSetsResponse>>,
];
