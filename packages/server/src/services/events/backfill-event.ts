import type pg from 'pg';
import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import { countRevisionEvents } from '../../data/events';
import { AppError, hintOf } from '../../errors/app-error';
import { actorLabel, type TActor } from '../auth/actor';
import { findRevisionByRef, parseRefOrThrow, refOf } from '../../data/input-set-revisions';
import { withLabelTransition } from '../review/label-transition';
import { parseComment } from '../review/review-input';
import { recordEvent } from './record-event';

/** The action that would have brought a revision to its status, had it been recorded. */
const ACTION_BEHIND_STATUS = { draft: 'upload', ready: 'approve', archived: 'archive' } as const;

/**
 * The runbook's "0 events" case (section 4.3): a revision that has no events at
 * all (imported with event logging disabled) gets one `backfill` event that says
 * so. History is never rewritten: a revision with any event is refused (409), and
 * the new event is appended at the end of the label's chain like any other.
 */
export async function backfillEvent({
  pool,
  ref: refText,
  comment: commentText,
  actor,
}: {
  pool: pg.Pool;
  /** Any reference: `foo`, `foo@draft`, `foo@rN`. */
  ref: string;
  /** Why the events are missing; required. */
  comment: string;
  actor: TActor;
}): Promise<TInputSetEvent> {
  const ref = parseRefOrThrow(refText);
  const comment = parseComment(commentText, 'comment');
  return withLabelTransition(pool, ref.label, {
    check: async (client, { locked }) => {
      const revision = await findRevisionByRef(client, ref, { lock: locked, toChange: true });
      const existing = await countRevisionEvents(client, revision.id);
      if (existing > 0) {
        throw new AppError(
          'conflict',
          'error.events.backfill_has_events',
          { ref: refOf(revision), revision: revision.revision, count: existing },
          { hint: hintOf('hint.events.see_them', { label: revision.label }) },
        );
      }
      return revision;
    },
    apply: (client, revision) =>
      recordEvent(client, {
        label: revision.label,
        inputSetId: revision.id,
        revision: revision.revision,
        action: 'backfill',
        actor: actorLabel(actor),
        principal: actor.username,
        userId: actor.userId,
        comment,
        metadata: {
          reason: comment,
          backfilled_action: ACTION_BEHIND_STATUS[revision.status],
          status_at_backfill: revision.status,
          content_hash: revision.contentHash,
          version_id: revision.versionId,
          approved_by: revision.approvedBy,
          approved_at: revision.approvedAt?.toISOString() ?? null,
        },
      }),
  });
}
