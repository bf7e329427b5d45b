import { z } from 'zod';
import { ZInputSetRef } from '../labels';
import { TABLE_NAMES } from '../tables';

/**
 * Diff of two revisions (DESIGN.md section 6). `ref` is the newer side (usually
 * `foo@draft`), `against` the older one (default: the ready revision `foo`):
 * `added` rows exist only in `ref`, `removed` rows only in `against`.
 */

export const DIFF_KINDS = ['added', 'removed', 'changed'] as const;
export const ZDiffKind = z.enum(DIFF_KINDS);
export type TDiffKind = z.infer<typeof ZDiffKind>;

/** A natural key (or the other columns) of one row, as text in the bundle's notation; optional cells are null. */
const ZCells = z.record(z.string(), z.string().nullable());

/** One changed column; decimal columns also carry the exact `delta` (new - old) and `percent` of the old value. */
export const ZDiffChange = z.object({
  column: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
  /** Decimal columns only: new - old, exact; null when a side is empty. */
  delta: z.string().nullable().optional(),
  /** Decimal columns only: (new - old) / |old| * 100 rounded to 4 places; null when old is 0 or a side is empty. */
  percent: z.string().nullable().optional(),
});
export type TDiffChange = z.infer<typeof ZDiffChange>;

/** An added or removed row: its key and its other columns. */
export const ZDiffValuesRow = z.object({ key: ZCells, values: ZCells });
export type TDiffValuesRow = z.infer<typeof ZDiffValuesRow>;

/** A row present on both sides whose other columns differ. */
export const ZDiffChangedRow = z.object({ key: ZCells, changes: z.array(ZDiffChange) });
export type TDiffChangedRow = z.infer<typeof ZDiffChangedRow>;

export const ZDiffRow = z.union([ZDiffChangedRow, ZDiffValuesRow]);
export type TDiffRow = z.infer<typeof ZDiffRow>;

export const ZDiffTableSummary = z.object({
  table: z.enum(TABLE_NAMES),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** How many changed rows changed each column. */
  changedColumns: z.record(z.string(), z.number().int()),
});
export type TDiffTableSummary = z.infer<typeof ZDiffTableSummary>;

export const ZDiffTotals = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type TDiffTotals = z.infer<typeof ZDiffTotals>;

const ZHash = z.string().regex(/^[0-9a-f]{64}$/);

/** 200: the diff is computed (from the cache file tmp/input_set_diffs/<ref>__<against>.json). */
export const ZDiffResult = z.object({
  state: z.literal('done'),
  ref: z.string(),
  against: z.string(),
  refHash: ZHash,
  againstHash: ZHash,
  refRevision: z.number().int(),
  againstRevision: z.number().int(),
  computedAt: z.iso.datetime(),
  /** Both content hashes are equal: nothing was compared, every row is unchanged. */
  identical: z.boolean(),
  /** One entry per table, in bundle order. */
  summary: z.array(ZDiffTableSummary),
  totals: ZDiffTotals,
  /**
   * The cache file, relative to the server's work folder (runbook section 6):
   * `tmp/input_set_diffs/<ref>__<against>.json`. Deleting it forces a recompute.
   */
  cacheFile: z.string(),
});
export type TDiffResult = z.infer<typeof ZDiffResult>;

export const DIFF_JOB_STATES = ['queued', 'running', 'failed'] as const;

/** 202: the diff runs (or ran and failed) as a background job; poll the same URL. */
export const ZDiffJobState = z.object({
  state: z.enum(DIFF_JOB_STATES),
  jobId: z.string(),
  ref: z.string(),
  against: z.string(),
  refHash: ZHash,
  againstHash: ZHash,
  /** Attempts started so far (0 while first queued). */
  attempts: z.number().int(),
  /** The first try plus the retries (DIFF_RETRY_LIMIT). */
  maxAttempts: z.number().int(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  /** The last attempt's error: while waiting for a retry, and once the job failed for good. */
  error: z.string().nullable(),
  /** What to do next, for people reading the JSON. */
  hint: z.string(),
});
export type TDiffJobState = z.infer<typeof ZDiffJobState>;

export const ZDiffResponse = z.discriminatedUnion('state', [ZDiffResult, ZDiffJobState]);
export type TDiffResponse = z.infer<typeof ZDiffResponse>;

export const ZDiffQuery = z.object({
  /** The older side; default: the ready revision of the same label. */
  against: ZInputSetRef.optional(),
  /** After a failed job: `true` enqueues it again (plain polling never does). */
  retry: z.enum(['true', 'false']).optional(),
});
export type TDiffQuery = z.infer<typeof ZDiffQuery>;

/** GET .../diff/export: the whole diff, rows included, as one JSON document (the CLI's `export --diff-against --json`). */
export const ZDiffExportQuery = ZDiffQuery.omit({ retry: true });

export const DIFF_ROWS_MAX_LIMIT = 1000;

export const ZDiffRowsQuery = z.object({
  against: ZInputSetRef.optional(),
  table: z.enum(TABLE_NAMES),
  kind: ZDiffKind,
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(DIFF_ROWS_MAX_LIMIT).default(100),
});
export type TDiffRowsQuery = z.infer<typeof ZDiffRowsQuery>;

/** 200: one page of added, removed or changed rows of one table, in natural key order. */
export const ZDiffRowsResponse = z.object({
  state: z.literal('done'),
  ref: z.string(),
  against: z.string(),
  table: z.enum(TABLE_NAMES),
  kind: ZDiffKind,
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ZDiffRow),
});
export type TDiffRowsResponse = z.infer<typeof ZDiffRowsResponse>;
