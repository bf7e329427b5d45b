import { z } from 'zod';
import { ZInputSetRef } from '../labels';
import {
  DIFF_DIMENSIONS,
  MEASURED_TABLES,
  ZColumnTolerance,
  ZDiffTolerance,
  dimensionsOf,
  measureColumnsOf,
} from './diff';
import { ZToleranceQuery } from './diff-tolerance';

/**
 * "What moved" (docs/design.md section 6): the totals of the quantity-like columns before
 * and after, per table and per item, location, period or resource, computed by the diff
 * job with the cell diff and cached with it. Numbers are exact decimals as text.
 */

/** An exact decimal in plain notation: `-12.5`, `1000000`. */
const ZExact = z.string();

export const DIFF_SUMMARY_SORTS = ['abs_delta', 'key'] as const;
export const DIFF_SUMMARY_MAX_LIMIT = 1000;

export const ZDiffSummaryQuery = z
  .object({
    /** The older side; default: the server's choice (a draft: the ready revision; else the revision before). */
    against: ZInputSetRef.optional(),
    table: z.enum(MEASURED_TABLES).default('demand'),
    /** The key column to total by: item_code, location_code, period (resource_code for capacity). */
    by: z.enum(DIFF_DIMENSIONS),
    /** The measured column (default: the table's first, e.g. quantity; inventory has on_hand and safety_stock). */
    column: z.string().trim().max(64).optional(),
    /** `abs_delta`: the top movers first (largest change either way); `key`: in key order (periods in time order). */
    sort: z.enum(DIFF_SUMMARY_SORTS).default('abs_delta'),
    offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(DIFF_SUMMARY_MAX_LIMIT).default(20),
    /** Overrides of the label's tolerances: `tolerance=demand.quantity:0.5%&tolerance=inventory.on_hand:10`. */
    tolerance: ZToleranceQuery.optional(),
  })
  .superRefine((query, ctx) => {
    if (!dimensionsOf(query.table).includes(query.by)) {
      ctx.addIssue({
        code: 'custom',
        path: ['by'],
        message: `${query.table} is totalled by ${dimensionsOf(query.table).join(', ')}, not ${query.by}.`,
      });
    }
    if (query.column !== undefined && !measureColumnsOf(query.table).includes(query.column)) {
      ctx.addIssue({
        code: 'custom',
        path: ['column'],
        message: `${query.table} has totals of ${measureColumnsOf(query.table).join(', ')}, not ${query.column}.`,
      });
    }
  });
export type TDiffSummaryQuery = z.infer<typeof ZDiffSummaryQuery>;

/** How a total moved, for a whole column or one item, location, period or resource. */
const movement = {
  /** The total in `against`. */
  before: ZExact,
  /** `before` plus the changes shown: the total in `ref` when no change is hidden. */
  after: ZExact,
  delta: ZExact,
  /** delta / |before| * 100, 4 places; null when before is 0. */
  percent: ZExact.nullable(),
  /** Keys (rows) only in `ref`, only in `against`, and present in both with this column changed visibly. */
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  /** Changed keys whose change of this column is below the tolerance: counted as unchanged. */
  hidden: z.number().int(),
};

/** One measured column of one table, over the whole revision. */
export const ZDiffMeasureTotals = z.object({
  table: z.enum(MEASURED_TABLES),
  column: z.string(),
  ...movement,
  /** The sum of the hidden changes: the total in `ref` is after + hiddenDelta. */
  hiddenDelta: ZExact,
  /** The tolerance applied to this column, if any. */
  tolerance: ZColumnTolerance.nullable(),
});
export type TDiffMeasureTotals = z.infer<typeof ZDiffMeasureTotals>;

/** One item, location, period or resource: its total before and after, and its keys that moved. */
export const ZDiffMover = z.object({ key: z.string(), ...movement });
export type TDiffMover = z.infer<typeof ZDiffMover>;

/** 200: the totals of every measured column, and one page of one table's totals by one key column. */
export const ZDiffSummaryResponse = z.object({
  state: z.literal('done'),
  ref: z.string(),
  against: z.string(),
  refRevision: z.number().int(),
  againstRevision: z.number().int(),
  /** Same content hash: nothing was compared, and the summary is all zeros. */
  identical: z.boolean(),
  /** The tolerances applied: the label's defaults, overridden by the request's. */
  tolerance: ZDiffTolerance,
  /** Every measured table and column, in bundle order. */
  totals: z.array(ZDiffMeasureTotals),
  table: z.enum(MEASURED_TABLES),
  column: z.string(),
  by: z.enum(DIFF_DIMENSIONS),
  sort: z.enum(DIFF_SUMMARY_SORTS),
  /** Groups (items, locations, ...) in either revision. */
  total: z.number().int(),
  offset: z.number().int(),
  groups: z.array(ZDiffMover),
});
export type TDiffSummaryResponse = z.infer<typeof ZDiffSummaryResponse>;
