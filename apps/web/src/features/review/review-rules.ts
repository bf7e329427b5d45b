import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import type { TReviewAction, TReviewRequest } from '@planning-hub/contracts/api/review';

export type TReviewable = { status: TInputSetStatus; errorCount: number; warningCount: number; contentHash: string };

export type TActionBlock = 'approveNeedsDraft' | 'approveHasErrors' | 'revertNeedsReady' | 'revertHasDraft' | null;

/**
 * Why an action cannot apply to this revision (the API refuses it the same way).
 * `hasDraft`: whether the label has a draft besides this revision; null while unknown.
 */
export function blockedReason(action: TReviewAction, revision: TReviewable, hasDraft: boolean | null = false): TActionBlock {
  if (action === 'approve') {
    if (revision.status !== 'draft') return 'approveNeedsDraft';
    if (revision.errorCount > 0) return 'approveHasErrors';
    return null;
  }
  if (revision.status !== 'ready') return 'revertNeedsReady';
  // docs/design.md section 4: a revert is refused with 409 when the label already has a draft.
  return hasDraft ? 'revertHasDraft' : null;
}

/** The action the form starts with: approve a draft, revert a ready set. */
export function defaultAction(status: TInputSetStatus): TReviewAction {
  return status === 'ready' ? 'revert' : 'approve';
}

/** Warnings must be acknowledged to approve (docs/design.md section 4). */
export function needsAcknowledgement(action: TReviewAction, revision: TReviewable): boolean {
  return action === 'approve' && revision.warningCount > 0;
}

export type TMissingInput = 'comment' | 'acknowledgement' | null;

/** What the reviewer still has to fill in before the form can be sent. */
export function missingInput(input: { action: TReviewAction; comment: string; acknowledgeWarnings: boolean; revision: TReviewable }): TMissingInput {
  if (input.comment.trim().length === 0) return 'comment';
  if (needsAcknowledgement(input.action, input.revision) && !input.acknowledgeWarnings) return 'acknowledgement';
  return null;
}

/**
 * The request as the API wants it: an empty reviewer is left out (the API records
 * `ui_reviewer`), and the content hash on screen is sent so that a draft overwritten
 * meanwhile is refused (409) rather than approved unseen.
 */
export function buildReviewRequest(input: {
  action: TReviewAction;
  reviewer: string;
  comment: string;
  acknowledgeWarnings: boolean;
  revision: TReviewable;
}): TReviewRequest {
  const reviewer = input.reviewer.trim();
  return {
    action: input.action,
    ...(reviewer ? { reviewer } : {}),
    comment: input.comment.trim(),
    ...(needsAcknowledgement(input.action, input.revision) ? { acknowledge_warnings: input.acknowledgeWarnings } : {}),
    expected_content_hash: input.revision.contentHash,
  };
}
