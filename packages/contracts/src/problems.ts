import { z } from 'zod';
import { TABLE_NAMES } from './tables';

/** Every kind of problem a bundle can have (docs/design.md section 3). */
export const PROBLEM_CODES = {
  // errors
  missing_file: 'error',
  missing_column: 'error',
  duplicate_column: 'error',
  empty_file: 'error',
  unparsable_row: 'error',
  wrong_type: 'error',
  out_of_range: 'error',
  invalid_code: 'error',
  duplicate_key: 'error',
  period_granularity: 'error',
  period_outside_calendar: 'error',
  mix_share_sum: 'error',
  mix_resource_without_capacity: 'error',
  param_missing: 'error',
  param_invalid: 'error',
  undecodable_bytes: 'error',
  // warnings
  unknown_file: 'warning',
  unknown_column: 'warning',
  orphan_item: 'warning',
  non_working_hours: 'warning',
  // notices: said, never blocking, never acknowledged (the `problems` column and problems.csv
  // of an annotated download, docs/design.md section 3)
  annotation_ignored: 'notice',
} as const;

export type TProblemCode = keyof typeof PROBLEM_CODES;

export const ZProblem = z.object({
  /** error: blocks approval; warning: needs an acknowledgement; notice: only said. */
  severity: z.enum(['error', 'warning', 'notice']),
  code: z.enum(Object.keys(PROBLEM_CODES) as [TProblemCode, ...TProblemCode[]]),
  table: z.enum(TABLE_NAMES).nullable(),
  file: z.string().nullable(),
  /** 1-based line as a spreadsheet shows it (header = 1); null for file-level problems. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  /**
   * The message's code in the catalog (packages/contracts/src/messages): clients say it in
   * their reader's language from `messageCode`, `params` and the fields above.
   */
  messageCode: z.string(),
  /** What the message needs beyond file, row, column, table and value: a closest name, a share sum, ... */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The message in English, as stored with the revision. */
  message: z.string(),
});
export type TProblem = z.infer<typeof ZProblem>;

export { problemMessageParams, type TProblemField, type TProblemParams } from './problem-message-params';

/**
 * What an annotated download adds to the planner's files (docs/design.md section 3): a last
 * column with each row's problems, and a file listing them all. An upload reads past both.
 */
export const ANNOTATION_COLUMN = 'problems';
export const ANNOTATION_FILE = 'problems.csv';

/** Problems are capped per code; the summary keeps the true counts. */
export const MAX_PROBLEMS_PER_CODE = 1000;

export const ZProblemSummary = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  /** True count per code, including problems beyond the cap. */
  byCode: z.record(z.string(), z.number().int()),
  truncated: z.boolean(),
});
export type TProblemSummary = z.infer<typeof ZProblemSummary>;
