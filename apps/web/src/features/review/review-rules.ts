import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import type { TReviewAction } from './api/review-input-set';

export type TReviewable = { status: TInputSetStatus; errorCount: number; warningCount: number };

export type TActionBlock = 'approveNeedsDraft' | 'approveHasErrors' | 'revertNeedsReady' | null;

/** Why an action cannot apply to this revision (the API refuses it the same way). */
export function blockedReason(action: TReviewAction, revision: TReviewable): TActionBlock {
  if (action === 'approve') {
    if (revision.status !== 'draft') return 'approveNeedsDraft';
    if (revision.errorCount > 0) return 'approveHasErrors';
    return null;
  }
  return revision.status === 'ready' ? null : 'revertNeedsReady';
}

/** The action the form starts with: approve a draft, revert a ready set. */
export function defaultAction(status: TInputSetStatus): TReviewAction {
  return status === 'ready' ? 'revert' : 'approve';
}

/** Warnings must be acknowledged to approve (DESIGN section 4). */
export function needsAcknowledgement(action: TReviewAction, revision: TReviewable): boolean {
  return action === 'approve' && revision.warningCount > 0;
}

/** The request as the API wants it: an empty reviewer is left out (the API defaults it). */
export function buildReviewRequest(input: {
  action: TReviewAction;
  reviewer: string;
  comment: string;
  acknowledgeWarnings: boolean;
  revision: TReviewable;
}) {
  const reviewer = input.reviewer.trim();
  return {
    action: input.action,
    ...(reviewer ? { reviewer } : {}),
    comment: input.comment.trim(),
    ...(needsAcknowledgement(input.action, input.revision) ? { acknowledge_warnings: input.acknowledgeWarnings } : {}),
  };
}
