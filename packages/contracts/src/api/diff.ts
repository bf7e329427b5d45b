import { z } from 'zod';
import { ZInputSetRef } from '../labels';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '../tables';

/**
 * Diff of two revisions (docs/design.md section 6). `ref` is the newer side (usually
 * `foo@draft`), `against` the older one: as the request names it, else as the server
 * chose it (a draft: the ready revision `foo`; any other revision: the one before it,
 * `foo@rN`). Every answer carries both, so that a client shows what was compared.
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

/**
 * The two revisions compared, as the request named them or as the server chose them
 * (`against` omitted), with their content hashes and revision numbers, so that a page
 * says "Comparing r4 with r3" from the answer alone.
 */
const diffPair = {
  ref: z.string(),
  against: z.string(),
  refHash: ZHash,
  againstHash: ZHash,
  refRevision: z.number().int(),
  againstRevision: z.number().int(),
};

/** 200: the diff is computed (from the cache file tmp/input_set_diffs/<ref>__<against>.json). */
export const ZDiffResult = z.object({
  state: z.literal('done'),
  ...diffPair,
  computedAt: z.iso.datetime(),
  /** Both content hashes are equal: nothing was compared, every row is unchanged. */
  identical: z.boolean(),
  /** One entry per table, in bundle order. */
  summary: z.array(ZDiffTableSummary),
  totals: ZDiffTotals,
  /**
   * The cache file, relative to the server's work folder (docs/runbook.ja.md section 6):
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
  ...diffPair,
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
  /** The older side; default: the server's choice (a draft: the ready revision; else the revision before). */
  against: ZInputSetRef.optional(),
  /** After a failed job: `true` enqueues it again (plain polling never does). */
  retry: z.enum(['true', 'false']).optional(),
});
export type TDiffQuery = z.infer<typeof ZDiffQuery>;

/** GET .../diff/export: the whole diff, rows included, as one JSON document (the CLI's `export --diff-against --json`). */
export const ZDiffExportQuery = ZDiffQuery.omit({ retry: true });

export const DIFF_ROWS_MAX_LIMIT = 1000;

export const DIFF_ROW_SORTS = ['key', 'abs_delta'] as const;
export const DIFF_KEY_MATCHES = ['prefix', 'exact'] as const;

/** A non-negative plain decimal as a query value (`0.5`, `10`). */
const ZQueryDecimal = z
  .string()
  .trim()
  .max(40)
  .regex(/^\d{1,30}(\.\d{1,10})?$/, 'A non-negative plain decimal such as 10 or 0.5.');

/**
 * Filters and order of a list of diff rows, all applied by the server (docs/design.md section 6):
 * - `key`: rows with a key column (item, location, period, resource, ...) that starts with
 *   it (`match=prefix`, any case) or equals it (`match=exact`); `key_column` names the column;
 * - `column`: changed rows whose change touches this column (added and removed rows touch all);
 * - `min_delta`: rows whose largest numeric change (or that column's, with `column`) is at least this, in absolute value;
 * - `sort`: natural key order (default), or `abs_delta`: the largest change first.
 */
const diffRowFilters = {
  key: z.string().trim().min(1).max(100).optional(),
  key_column: z.string().trim().max(64).optional(),
  match: z.enum(DIFF_KEY_MATCHES).default('prefix'),
  column: z.string().trim().max(64).optional(),
  min_delta: ZQueryDecimal.optional(),
  sort: z.enum(DIFF_ROW_SORTS).default('key'),
};

const paging = {
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(DIFF_ROWS_MAX_LIMIT).default(100),
};

type TColumnChecked = {
  table?: TTableName | undefined;
  column?: string | undefined;
  key_column?: string | undefined;
};

/** `column` and `key_column` must be columns of the table(s) listed (every table when none is named). */
function checkColumns(query: TColumnChecked, ctx: z.RefinementCtx): void {
  const specs = query.table ? [TABLE_SPECS[query.table]] : Object.values(TABLE_SPECS);
  const names = (pick: (spec: (typeof specs)[number]) => readonly string[]) => new Set(specs.flatMap(pick));
  const valueColumns = names((spec) =>
    spec.columns.map((c) => c.name).filter((name) => !spec.key.includes(name)),
  );
  const keyColumns = names((spec) => spec.key);
  if (query.column !== undefined && !valueColumns.has(query.column)) {
    ctx.addIssue({
      code: 'custom',
      path: ['column'],
      message: `'${query.column}' is not a column of ${query.table ?? 'any table'} that can change.`,
    });
  }
  if (query.key_column !== undefined && !keyColumns.has(query.key_column)) {
    ctx.addIssue({
      code: 'custom',
      path: ['key_column'],
      message: `'${query.key_column}' is not a key column of ${query.table ?? 'any table'}.`,
    });
  }
}

export const ZDiffRowsQuery = z
  .object({
    against: ZInputSetRef.optional(),
    table: z.enum(TABLE_NAMES),
    kind: ZDiffKind,
    ...paging,
    ...diffRowFilters,
  })
  .superRefine(checkColumns);
export type TDiffRowsQuery = z.infer<typeof ZDiffRowsQuery>;

/** 200: one page of added, removed or changed rows of one table, filtered and ordered as asked (default: natural key order). */
export const ZDiffRowsResponse = z.object({
  state: z.literal('done'),
  ref: z.string(),
  against: z.string(),
  table: z.enum(TABLE_NAMES),
  kind: ZDiffKind,
  /** Rows that pass the filters (every row of the table and kind without filters). */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ZDiffRow),
});
export type TDiffRowsResponse = z.infer<typeof ZDiffRowsResponse>;

/** GET .../diff/changes: "All changes", every table and kind in one list (or one table, or one kind), with the same filters. */
export const ZDiffChangesQuery = z
  .object({
    against: ZInputSetRef.optional(),
    table: z.enum(TABLE_NAMES).optional(),
    kind: ZDiffKind.optional(),
    ...paging,
    ...diffRowFilters,
  })
  .superRefine(checkColumns);
export type TDiffChangesQuery = z.infer<typeof ZDiffChangesQuery>;

/** One row of "All changes": the row as GET .../diff/rows gives it, with its table and kind. */
export const ZDiffChangeRow = z.union([
  ZDiffChangedRow.extend({ table: z.enum(TABLE_NAMES), kind: z.literal('changed') }),
  ZDiffValuesRow.extend({ table: z.enum(TABLE_NAMES), kind: z.enum(['added', 'removed']) }),
]);
export type TDiffChangeRow = z.infer<typeof ZDiffChangeRow>;

/** 200: one page of "All changes": in key order, tables in bundle order and kinds changed, added, removed; or the largest change first. */
export const ZDiffChangesResponse = z.object({
  state: z.literal('done'),
  ref: z.string(),
  against: z.string(),
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ZDiffChangeRow),
});
export type TDiffChangesResponse = z.infer<typeof ZDiffChangesResponse>;

/**
 * "What moved" (docs/design.md section 6): the quantity-like columns whose totals a diff
 * reports, and the key columns it totals them by (capacity: per resource and period).
 */
export const DIFF_MEASURES = {
  demand: { columns: ['quantity'], dimensions: ['item_code', 'location_code', 'period'] },
  capacity: { columns: ['available_hours'], dimensions: ['resource_code', 'period'] },
  inventory: { columns: ['on_hand', 'safety_stock'], dimensions: ['item_code', 'location_code'] },
  inbound: { columns: ['quantity'], dimensions: ['item_code', 'location_code', 'period'] },
} as const satisfies Partial<
  Record<TTableName, { columns: readonly string[]; dimensions: readonly string[] }>
>;

/** The measured tables, in bundle order. */
export const MEASURED_TABLES = [
  'demand',
  'capacity',
  'inventory',
  'inbound',
] as const satisfies readonly TTableName[];
export type TMeasuredTable = (typeof MEASURED_TABLES)[number];
export const DIFF_DIMENSIONS = ['item_code', 'location_code', 'period', 'resource_code'] as const;
export type TDiffDimension = (typeof DIFF_DIMENSIONS)[number];

export const measureColumnsOf = (table: TMeasuredTable): readonly string[] => DIFF_MEASURES[table].columns;
export const dimensionsOf = (table: TMeasuredTable): readonly TDiffDimension[] =>
  DIFF_MEASURES[table].dimensions;

/** A non-negative plain decimal, at most 20 digits before the point and 10 after. */
export const TOLERANCE_DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
/** The largest relative tolerance, in percent. */
export const MAX_RELATIVE_TOLERANCE = 1000;

/**
 * Below which a change of one column counts as unchanged: `absolute` in the column's
 * own unit (a plain decimal, `10`), `relative` in percent of the old value (`0.5` = 0.5%).
 * With both, a change below either is hidden.
 */
export const ZColumnTolerance = z
  .object({
    absolute: z.string().regex(TOLERANCE_DECIMAL).optional(),
    relative: z.number().min(0).max(MAX_RELATIVE_TOLERANCE).optional(),
  })
  .strict();
export type TColumnTolerance = z.infer<typeof ZColumnTolerance>;

/**
 * Tolerances per table and column: `{ demand: { quantity: { relative: 0.5 } } }`. The
 * defaults come from the label's policy (empty for now); a request overrides them per column.
 */
export const ZDiffTolerance = z
  .partialRecord(z.enum(MEASURED_TABLES), z.record(z.string().max(64), ZColumnTolerance))
  .superRefine((tolerance, ctx) => {
    for (const [table, columns] of Object.entries(tolerance) as [TMeasuredTable, Record<string, unknown>][]) {
      for (const column of Object.keys(columns)) {
        if (!measureColumnsOf(table).includes(column)) {
          ctx.addIssue({
            code: 'custom',
            path: [table, column],
            message: `${table}.${column} has no totals to apply a tolerance to.`,
          });
        }
      }
    }
  });
export type TDiffTolerance = z.infer<typeof ZDiffTolerance>;

/** No tolerance: every change is shown. */
export const DEFAULT_DIFF_TOLERANCE: TDiffTolerance = {};
