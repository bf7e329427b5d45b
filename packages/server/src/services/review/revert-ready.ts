import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import { AppError, hintOf } from '../../errors/app-error';
import type { TActor } from '../auth/actor';
import { recordEvent } from '../events/record-event';
import {
  findOtherDraftRevision,
  findRevisionByRef,
  parseRefOrThrow,
  refOf,
  transitionRevision,
} from '../../data/input-set-revisions';
import { toSummary } from '../input-sets/to-summary';
import { withLabelTransition } from './label-transition';
import { revisionActions } from './revision-actions';
import { assertContentUnchanged, parseComment, parseReviewer } from './review-input';
import type { TReviewDeps } from './review-types';

export type TRevertReadyOptions = TReviewDeps & {
  /** `foo`, or the ready revision's `foo@rN`. */
  ref: string;
  reviewer?: string | undefined;
  /** The reason; required, kept in review_comment. */
  comment: string;
  expectedContentHash?: string | undefined;
  actor: TActor;
};

/**
 * Sends the ready revision back to draft (docs/design.md section 4, docs/runbook.ja.md section 3):
 * approved_by/approved_at are cleared, the reason stays in review_comment, and a
 * `revert` event is written. Refused with 409 when the label already has a draft
 * (two drafts per label cannot exist).
 */
export async function revertReady(options: TRevertReadyOptions): Promise<TReviewResponse> {
  const { pool, metrics, actor } = options;
  const ref = parseRefOrThrow(options.ref);
  const reviewer = parseReviewer(options.reviewer, actor);
  const comment = parseComment(options.comment, 'reason');

  const result = await withLabelTransition(pool, ref.label, {
    check: async (client, { locked }) => {
      const ready = await findRevisionByRef(client, ref, { lock: locked, toChange: true });
      const shown = refOf(ready);
      const draftRevision = ready.status === 'ready' ? await findOtherDraftRevision(client, ready) : null;
      const block = revisionActions(ready, { hasDraft: draftRevision !== null }).revert.reason;
      if (block === 'revertNeedsReady') {
        throw new AppError('conflict', 'error.review.not_ready', {
          ref: shown,
          revision: ready.revision,
          status: ready.status,
        });
      }
      assertContentUnchanged(ready, options.expectedContentHash);
      if (block === 'revertHasDraft') {
        throw new AppError(
          'conflict',
          'error.review.draft_blocks_revert',
          { label: ready.label, draftRevision: draftRevision!, ref: shown },
          { hint: hintOf('hint.review.draft_blocks_revert', { label: ready.label }) },
        );
      }
      return ready;
    },
    apply: async (client, ready) => {
      const reverted = await transitionRevision(client, ready.id, { to: 'draft', comment });
      const event = await recordEvent(client, {
        label: ready.label,
        inputSetId: reverted.id,
        revision: reverted.revision,
        action: 'revert',
        actor: reviewer,
        principal: actor.username,
        userId: actor.userId,
        comment,
        metadata: {
          content_hash: reverted.contentHash,
          previous_status: 'ready',
          previous_approved_by: ready.approvedBy,
          previous_reviewer_id: ready.reviewerId,
          previous_approved_at: ready.approvedAt?.toISOString() ?? null,
        },
      });
      return { reverted, event };
    },
  });

  metrics?.reviews.inc({ action: 'revert' });
  return { ...toSummary(result.reverted), previousReady: null, events: [result.event] };
}
