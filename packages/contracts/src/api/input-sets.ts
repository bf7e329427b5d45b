import { z } from 'zod';
import { UPLOAD_ENCODINGS } from './upload-limits';
import { FIELD_LIMITS } from '../field-limits';
import { multiLineText, singleLineText } from '../free-text';
import { ZLabel, ZVersionId } from '../labels';
import { ZProblem, ZProblemSummary } from '../problems';
import { TABLE_NAMES } from '../tables';
import { INPUT_SET_STATUSES } from './input-set-statuses';

export { INPUT_SET_STATUSES, type TInputSetStatus } from './input-set-statuses';

export const ZInputSetStatus = z.enum(INPUT_SET_STATUSES);

export const ZRowCounts = z.record(z.enum(TABLE_NAMES), z.number().int());
export type TRowCounts = z.infer<typeof ZRowCounts>;

export const ZInputSetSummary = z.object({
  id: z.number().int(),
  label: z.string(),
  revision: z.number().int(),
  /** The exact reference to copy: `foo` for ready, `foo@draft`, `foo@rN` for archived. */
  ref: z.string(),
  status: ZInputSetStatus,
  versionId: z.string(),
  note: z.string().nullable(),
  contentHash: z.string(),
  rowCounts: ZRowCounts,
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** The signed-in user of the latest upload (a username, or `local:<OS user>`). */
  uploadedBy: z.string(),
  /** The signed-in user who approved it. */
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  /** The runbook's Reviewer ID recorded with the approval (an employee id, or `ui_reviewer`). */
  reviewerId: z.string().nullable(),
  reviewComment: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TInputSetSummary = z.infer<typeof ZInputSetSummary>;

/** A page of the list when the caller names none (the SPA and the CLI name theirs). */
export const DEFAULT_LIST_PAGE = 50;

export const ZListInputSetsQuery = z.object({
  status: ZInputSetStatus.optional(),
  search: singleLineText('A search', 100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(DEFAULT_LIST_PAGE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TListInputSetsQuery = z.infer<typeof ZListInputSetsQuery>;

export const ZListInputSetsResponse = z.object({
  items: z.array(ZInputSetSummary),
  /** Revisions that match the filters, on every page. */
  total: z.number().int(),
  /** The `offset` of the next page; null on the last one. */
  nextOffset: z.number().int().nullable(),
});
export type TListInputSetsResponse = z.infer<typeof ZListInputSetsResponse>;

export const ZImportSource = z.object({
  kind: z.enum(['files', 'folder', 'zip', 'json']),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), encoding: z.string().nullable() })),
});

/**
 * Why a review action cannot apply to a revision now (docs/design.md section 4): the
 * API refuses it for the same reason, and the SPA says it next to the form.
 */
export const ACTION_BLOCKS = [
  'approveNeedsDraft',
  'approveHasErrors',
  'approveHasCheckErrors',
  'revertNeedsReady',
  'revertHasDraft',
  'archiveAlreadyArchived',
] as const;
export const ZActionBlock = z.enum(ACTION_BLOCKS);
export type TActionBlock = z.infer<typeof ZActionBlock>;

const ZRevisionAction = z.object({ allowed: z.boolean(), reason: ZActionBlock.nullable() });

/**
 * What the revision's state allows, decided by the server alone. Roles (reviewer,
 * admin) and the four-eyes policy are the caller's, checked when the action is sent.
 */
export const ZRevisionActions = z.object({
  approve: ZRevisionAction,
  revert: ZRevisionAction,
  archive: ZRevisionAction,
  /** Validation warnings plus warning findings of the approval gates: one acknowledgement covers them. */
  warningsToAcknowledge: z.number().int().min(0),
});
export type TRevisionActions = z.infer<typeof ZRevisionActions>;

export const ZInputSetDetail = ZInputSetSummary.extend({
  problems: z.array(ZProblem),
  problemSummary: ZProblemSummary,
  source: ZImportSource.partial(),
  actions: ZRevisionActions,
});
export type TInputSetDetail = z.infer<typeof ZInputSetDetail>;

/**
 * Bounds of the cells a planner edits in the browser before an upload (docs/design.md
 * section 3): how many, how long a value, and how many bytes the `edits` field may hold.
 */
export const BROWSER_EDIT_LIMITS = {
  maxEdits: 10_000,
  maxValueLength: 1_000,
  maxFieldBytes: 4 * 1024 * 1024,
} as const;

/** A NUL or half a surrogate pair: PostgreSQL's jsonb, where the upload event keeps the edits, refuses both. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE_IN_JSONB = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ZCellText = z
  .string()
  .max(BROWSER_EDIT_LIMITS.maxValueLength)
  .refine((text) => !UNSTORABLE_IN_JSONB.test(text), 'holds a NUL character or a broken surrogate pair');

/**
 * One cell edited in the browser: the file, the row as a spreadsheet shows it (header = 1),
 * the column as the file's header names it, the value as dropped and the value uploaded.
 * Values are kept exactly, spaces included (trimming them is one of the fixes).
 */
export const ZBrowserEdit = z.strictObject({
  file: z.string().min(1).max(200),
  row: z.number().int().min(2).max(1_000_000_000),
  column: z.string().max(200),
  before: ZCellText,
  after: ZCellText,
});
export type TBrowserEdit = z.infer<typeof ZBrowserEdit>;

export const ZBrowserEdits = z.array(ZBrowserEdit).max(BROWSER_EDIT_LIMITS.maxEdits);

/** A multipart field holding JSON text, parsed; not JSON is a 400 like any other bad field. */
const ZJsonField = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
    return z.NEVER;
  }
});

export const ZUploadFields = z.object({
  version_id: ZVersionId,
  note: multiLineText('A note', FIELD_LIMITS.uploadNote).optional(),
  encoding: z.enum(UPLOAD_ENCODINGS).default('auto'),
  allow_invalid: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The cells edited in the browser (JSON), recorded in the upload event as `browser_edits`. */
  edits: ZJsonField.pipe(ZBrowserEdits).optional(),
});
export type TUploadFields = z.infer<typeof ZUploadFields>;

/** `dry_run=true`: validate the bundle as an upload would, store nothing, answer 200 with the report. */
export const ZUploadQuery = z.object({
  dry_run: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What an import (CLI) or upload (REST) reports; the CLI writes it to tmp/reports/import_planning_inputs.json. */
export const ZImportReport = z.object({
  ok: z.boolean(),
  label: z.string(),
  revision: z.number().int().nullable(),
  ref: z.string().nullable(),
  status: ZInputSetStatus.nullable(),
  versionId: z.string(),
  contentHash: z.string().nullable(),
  /** Content hash of the draft this upload replaced, when it overwrote one. */
  previousContentHash: z.string().nullable(),
  stored: z.boolean(),
  rowCounts: ZRowCounts,
  encodings: z.record(z.string(), z.string()),
  problems: z.array(ZProblem),
  problemSummary: ZProblemSummary,
  durationMs: z.number(),
});
export type TImportReport = z.infer<typeof ZImportReport>;

export const ZTableRowsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ZTableRowsResponse = z.object({
  table: z.enum(TABLE_NAMES),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  total: z.number().int(),
  offset: z.number().int(),
});
export type TTableRowsResponse = z.infer<typeof ZTableRowsResponse>;

export { ZLabel };
