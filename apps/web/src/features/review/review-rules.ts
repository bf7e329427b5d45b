import type { TInputSetStatus, TRevisionActions } from '@planning-hub/contracts/api/input-sets';
import type { TReviewAction, TReviewRequest } from '@planning-hub/contracts/api/review';

/**
 * What the form needs of a revision. Whether an action applies, and how many warnings
 * one acknowledgement covers, come from the server's `actions` (docs/design.md
 * section 4): the SPA keeps no copy of those rules.
 */
export type TReviewable = {
  status: TInputSetStatus;
  contentHash: string;
  actions: TRevisionActions;
};

/** The action the form starts with: approve a draft, revert a ready set. */
export function defaultAction(status: TInputSetStatus): TReviewAction {
  return status === 'ready' ? 'revert' : 'approve';
}

/** Warnings, and findings of severity warning, must be acknowledged to approve (docs/design.md sections 4 and 11). */
export function needsAcknowledgement(action: TReviewAction, revision: TReviewable): boolean {
  return action === 'approve' && revision.actions.warningsToAcknowledge > 0;
}

export type TMissingInput = 'comment' | 'acknowledgement' | null;

/** What the reviewer still has to fill in before the form can be sent. */
export function missingInput(input: {
  action: TReviewAction;
  comment: string;
  acknowledgeWarnings: boolean;
  revision: TReviewable;
}): TMissingInput {
  if (input.comment.trim().length === 0) return 'comment';
  if (needsAcknowledgement(input.action, input.revision) && !input.acknowledgeWarnings)
    return 'acknowledgement';
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
    ...(needsAcknowledgement(input.action, input.revision)
      ? { acknowledge_warnings: input.acknowledgeWarnings }
      : {}),
    expected_content_hash: input.revision.contentHash,
  };
}
