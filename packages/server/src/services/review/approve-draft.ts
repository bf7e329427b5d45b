import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import { findLatestUploaderId } from '../../data/events';
import type { TSqlClient } from '../../database/transaction';
import { AppError, hintOf } from '../../errors/app-error';
import type { InputSet } from '../../generated/prisma/client';
import type { TActor } from '../auth/actor';
import { readFindings, readStoredChecks } from '../checks/read-checks';
import { countFindings } from '../checks/run-draft-checks';
import { recordEvent } from '../events/record-event';
import { revisionActions } from './revision-actions';
import {
  findReadyRevision,
  findRevisionByRef,
  parseRefOrThrow,
  refOf,
  transitionRevision,
} from '../../data/input-set-revisions';
import { toSummary } from '../input-sets/to-summary';
import { readInstallationPolicy } from '../policy/installation-policy';
import { withLabelTransition } from './label-transition';
import { assertContentUnchanged, parseComment, parseReviewer, warningCountsByCode } from './review-input';
import type { TReviewDeps } from './review-types';

export type TApproveDraftOptions = TReviewDeps & {
  /** `foo@draft`, or the draft's `foo@rN`. */
  ref: string;
  /** The runbook's Reviewer ID typed in the form; empty means the user's employee id, else `ui_reviewer`. */
  reviewer?: string | undefined;
  comment: string;
  /** Must be true when the draft has warnings. */
  acknowledgeWarnings?: boolean | undefined;
  /** The content hash the reviewer looked at; 409 when the draft changed since. */
  expectedContentHash?: string | undefined;
  /** The signed-in user who approves: approved_by and the approve event name them. */
  actor: TActor;
};

/** What the trigger planning_input_sets_ready_needs_approval names when the four-eyes policy refuses (migration identity_and_approval). */
const FOUR_EYES_CONSTRAINT = 'planning_input_sets_four_eyes';

/** The database refuses a self-approval too, for every writer: answered like the check below (403). */
function asFourEyesRefusal(actor: TActor) {
  return (error: unknown): never => {
    if ((error as { constraint?: string } | null)?.constraint !== FOUR_EYES_CONSTRAINT) throw error;
    throw new AppError(
      'forbidden',
      'error.review.four_eyes',
      { username: actor.username },
      {
        hint: hintOf('hint.review.ask_another', {}),
        cause: error,
      },
    );
  };
}

/** 403 under the four-eyes policy: the local operator never approves, nor does the uploader of the current content. */
async function assertFourEyes(client: TSqlClient, draft: InputSet, actor: TActor): Promise<void> {
  const shown = refOf(draft);
  if (actor.isLocalOperator) {
    throw new AppError(
      'forbidden',
      'error.review.four_eyes_local',
      { username: actor.username, ref: shown },
      {
        hint: hintOf('hint.review.sign_in_to_approve', {}),
      },
    );
  }
  const uploaderId = await findLatestUploaderId(client, draft.id);
  if (uploaderId !== null && uploaderId === actor.userId) {
    throw new AppError(
      'forbidden',
      'error.review.four_eyes_uploader',
      { username: actor.username, ref: shown },
      {
        hint: hintOf('hint.review.ask_another', {}),
      },
    );
  }
}

/** The checks a draft must pass to be approved, in the order a reviewer wants to hear them. */
async function assertApprovable(
  client: TSqlClient,
  draft: InputSet,
  options: Pick<TApproveDraftOptions, 'acknowledgeWarnings' | 'expectedContentHash' | 'actor'> & {
    fourEyes: boolean;
  },
): Promise<void> {
  const shown = refOf(draft);
  // Approval gates (docs/design.md section 11): findings of severity error block, warnings need the acknowledgement.
  const findings = countFindings(await readStoredChecks(client, draft.id));
  const block = revisionActions(draft, { findings, hasDraft: false }).approve.reason;
  if (block === 'approveNeedsDraft') {
    throw new AppError(
      'conflict',
      'error.review.not_a_draft',
      { ref: shown, revision: draft.revision, status: draft.status },
      {
        hint: hintOf('hint.review.approve_draft', { label: draft.label }),
      },
    );
  }
  assertContentUnchanged(draft, options.expectedContentHash);
  if (block === 'approveHasErrors') {
    throw new AppError(
      'conflict',
      'error.review.has_errors',
      { ref: shown, count: draft.errorCount },
      {
        hint: hintOf('hint.review.fix_errors', {}),
      },
    );
  }
  if (block === 'approveHasCheckErrors') {
    throw new AppError(
      'conflict',
      'error.review.check_errors',
      { ref: shown, count: findings.errors },
      {
        hint: hintOf('hint.review.check_errors', { ref: shown, label: draft.label }),
      },
    );
  }
  if (options.fourEyes) await assertFourEyes(client, draft, options.actor);
  if (draft.warningCount > 0 && options.acknowledgeWarnings !== true) {
    throw new AppError(
      'conflict',
      'error.review.needs_acknowledgement',
      { ref: shown, count: draft.warningCount },
      {
        hint: hintOf('hint.review.acknowledge', {}),
      },
    );
  }
  if (findings.warnings > 0 && options.acknowledgeWarnings !== true) {
    throw new AppError(
      'conflict',
      'error.review.needs_check_acknowledgement',
      { ref: shown, count: findings.warnings },
      {
        hint: hintOf('hint.review.acknowledge_checks', { ref: shown }),
      },
    );
  }
}

/** The ids of the stored findings of severity warning that an approval acknowledges, and the counts of all. */
async function acknowledgedFindings(client: TSqlClient, draft: InputSet) {
  const counts = countFindings(await readStoredChecks(client, draft.id));
  const warnings = (await readFindings(client, draft.id)).filter((finding) => finding.severity === 'warning');
  return { counts, ids: warnings.map((finding) => finding.id) };
}

/**
 * Approves a draft (docs/design.md section 4, docs/runbook.ja.md section 3): it becomes ready
 * with approved_by (the signed-in user), approved_at, reviewer_id (the runbook's
 * Reviewer ID) and review_comment set, after its `approve` event; the
 * previous ready revision, if any, is archived with an `archive` event
 * `superseded by rN`. Refused with 409 for validation errors, unacknowledged
 * warnings, a lost race or changed content; 403 under the four-eyes policy.
 */
export async function approveDraft(options: TApproveDraftOptions): Promise<TReviewResponse> {
  const { pool, metrics, actor } = options;
  const ref = parseRefOrThrow(options.ref);
  const reviewer = parseReviewer(options.reviewer, actor);
  const comment = parseComment(options.comment, 'comment');

  const result = await withLabelTransition(pool, ref.label, {
    check: async (client, { locked }) => {
      const draft = await findRevisionByRef(client, ref, { lock: locked, toChange: true });
      const policy = await readInstallationPolicy(client);
      await assertApprovable(client, draft, { ...options, fourEyes: policy.fourEyes });
      return { draft, policy };
    },
    apply: async (client, { draft, policy }) => {
      const events: TInputSetEvent[] = [];
      const findings = await acknowledgedFindings(client, draft);
      const who = { principal: actor.username, userId: actor.userId };
      const ready = await findReadyRevision(client, draft.label, { lock: true });
      let previousReady: InputSet | null = null;
      if (ready) {
        // Archived first: the partial unique index allows one ready revision per label at any moment.
        previousReady = await transitionRevision(client, ready.id, { to: 'archived' });
        events.push(
          await recordEvent(client, {
            label: draft.label,
            inputSetId: previousReady.id,
            revision: previousReady.revision,
            action: 'archive',
            actor: reviewer,
            ...who,
            comment: `superseded by r${draft.revision}`,
            metadata: {
              reason: 'superseded',
              superseded_by: draft.revision,
              previous_status: 'ready',
              content_hash: previousReady.contentHash,
            },
          }),
        );
      }
      // The approve event comes before the status change: the database lets a draft
      // become ready only in the transaction that wrote its approve event.
      events.push(
        await recordEvent(client, {
          label: draft.label,
          inputSetId: draft.id,
          revision: draft.revision,
          action: 'approve',
          actor: reviewer,
          ...who,
          comment,
          metadata: {
            content_hash: draft.contentHash,
            version_id: draft.versionId,
            reviewer_id: reviewer,
            warnings: draft.warningCount,
            warnings_by_code: warningCountsByCode(draft),
            acknowledged_warnings: options.acknowledgeWarnings === true,
            previous_ready_revision: previousReady?.revision ?? null,
            four_eyes: policy.fourEyes,
            check_findings: findings.counts,
            acknowledged_findings: options.acknowledgeWarnings === true ? findings.ids : [],
          },
        }),
      );
      const approved = await transitionRevision(client, draft.id, {
        to: 'ready',
        approvedBy: actor.username,
        reviewerId: reviewer,
        comment,
      });
      return { approved, previousReady, events };
    },
  }).catch(asFourEyesRefusal(actor));

  metrics?.reviews.inc({ action: 'approve' });
  return {
    ...toSummary(result.approved),
    previousReady: result.previousReady ? toSummary(result.previousReady) : null,
    events: result.events,
  };
}
