import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import { AppError } from '../../errors/app-error';
import { actorLabel, type TActor } from '../auth/actor';
import { recordEvent } from '../events/record-event';
import {
  findRevisionByRef,
  parseRefOrThrow,
  refOf,
  transitionRevision,
} from '../../data/input-set-revisions';
import { toSummary } from '../input-sets/to-summary';
import { withLabelTransition } from './label-transition';
import { parseComment } from './review-input';
import { revisionActions } from './revision-actions';
import type { TReviewDeps } from './review-types';

export type TArchiveRevisionOptions = TReviewDeps & {
  /** Any reference: `foo`, `foo@draft`, `foo@rN`. */
  ref: string;
  comment: string;
  actor: TActor;
};

/**
 * Archives any revision (admin only at the API; not offered in the UI): its status
 * becomes archived, the comment goes to review_comment, approved_by/approved_at
 * stay as the record of its approval, and an `archive` event is written.
 * Archiving the ready revision leaves the label without one (plan runs then warn
 * "Missing InputSet").
 */
export async function archiveRevision(options: TArchiveRevisionOptions): Promise<TReviewResponse> {
  const { pool, metrics, actor } = options;
  const ref = parseRefOrThrow(options.ref);
  const comment = parseComment(options.comment, 'comment');

  const result = await withLabelTransition(pool, ref.label, {
    check: async (client, { locked }) => {
      const revision = await findRevisionByRef(client, ref, { lock: locked, toChange: true });
      if (revisionActions(revision).archive.reason === 'archiveAlreadyArchived') {
        throw new AppError('conflict', 'error.review.already_archived', { ref: refOf(revision) });
      }
      return revision;
    },
    apply: async (client, revision) => {
      const archived = await transitionRevision(client, revision.id, { to: 'archived', comment });
      const event = await recordEvent(client, {
        label: revision.label,
        inputSetId: archived.id,
        revision: archived.revision,
        action: 'archive',
        actor: actorLabel(actor),
        principal: actor.username,
        userId: actor.userId,
        comment,
        metadata: { reason: 'manual', previous_status: revision.status, content_hash: archived.contentHash },
      });
      return { archived, event };
    },
  });

  metrics?.reviews.inc({ action: 'archive' });
  return { ...toSummary(result.archived), previousReady: null, events: [result.event] };
}
