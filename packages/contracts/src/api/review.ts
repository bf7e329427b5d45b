import { z } from 'zod';
import { FIELD_LIMITS } from '../field-limits';
import { multiLineText } from '../free-text';
import { ZInputSetEvent } from './events';
import { ZInputSetSummary } from './input-sets';

export const REVIEW_ACTIONS = ['approve', 'revert'] as const;
export const ZReviewAction = z.enum(REVIEW_ACTIONS);
export type TReviewAction = z.infer<typeof ZReviewAction>;

/** The reviewer the runbook records when the Review form's field is left empty. */
export const DEFAULT_REVIEWER = 'ui_reviewer';

/** A reviewer id (an employee id in practice): printable text, no control characters. */
export const ZReviewerId = z
  .string()
  .trim()
  .max(FIELD_LIMITS.reviewerId)
  .regex(/^[^\p{C}]*$/u, 'A reviewer id cannot contain control characters.');

/** Shown in `planning events` and the History tab: line breaks are fine, terminal escapes are not. */
const ZComment = multiLineText('A comment', FIELD_LIMITS.reviewComment).min(1, 'A comment is required.');
const ZContentHash = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}$/, 'A content hash is 64 lowercase hex digits.');

/**
 * POST /api/plans/input_sets/{ref}/review (reviewer role). Approve takes `foo@draft`
 * (or the draft's `foo@rN`), revert takes `foo` (or the ready revision's `foo@rN`).
 */
export const ZReviewRequest = z.object({
  action: ZReviewAction,
  /** Empty or absent: `ui_reviewer` (docs/runbook.ja.md section 3). */
  reviewer: ZReviewerId.optional(),
  /** Approve: e.g. `JIRA-123 approve by ops_lead`; revert: the reason. */
  comment: ZComment,
  /** Required (true) to approve a revision with warnings. */
  acknowledge_warnings: z.boolean().optional(),
  /**
   * The content hash the reviewer looked at. When given and the revision's content
   * changed since (a new upload overwrote the draft), the API answers 409.
   */
  expected_content_hash: ZContentHash.optional(),
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

/** POST /api/plans/input_sets/{ref}/archive (admin role). */
export const ZArchiveRequest = z.object({
  comment: ZComment,
});
export type TArchiveRequest = z.infer<typeof ZArchiveRequest>;

/**
 * The revision as it is after the transition, the ready revision an approval
 * superseded (now archived), and the events the transition wrote (oldest first).
 */
export const ZReviewResponse = ZInputSetSummary.extend({
  previousReady: ZInputSetSummary.nullable(),
  events: z.array(ZInputSetEvent),
});
export type TReviewResponse = z.infer<typeof ZReviewResponse>;
