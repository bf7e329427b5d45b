import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import type { TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';
import type { InputSet } from '../../generated/prisma/client';
import { recordEvent } from '../events/record-event';
import { parseRefOrThrow, refOf } from '../input-sets/resolve-ref';
import { toSummary } from '../input-sets/to-summary';
import { withLabelTransition } from './label-transition';
import { INPUT_SET_COLUMNS, readRevision, updateRevision } from './read-revision';
import { assertContentUnchanged, parseComment, parseReviewer, warningCountsByCode } from './review-input';
import type { TReviewDeps } from './review-types';

export type TApproveDraftOptions = TReviewDeps & {
  /** `foo@draft`, or the draft's `foo@rN`. */
  ref: string;
  /** The reviewer id typed in the form; empty means `ui_reviewer`. */
  reviewer?: string | undefined;
  comment: string;
  /** Must be true when the draft has warnings. */
  acknowledgeWarnings?: boolean | undefined;
  /** The content hash the reviewer looked at; 409 when the draft changed since. */
  expectedContentHash?: string | undefined;
  /** The authenticated principal (username, or `cli:<os user>`). */
  principal: string;
  /** The four-eyes policy (FOUR_EYES): whoever uploaded the content may not approve it. */
  fourEyes: boolean;
};

/** The principal of the latest upload into this revision: who put the current content there. */
async function findUploader(client: TSqlClient, inputSetId: number): Promise<string | null> {
  const { rows } = await client.query<{ principal: string }>(
    "SELECT principal FROM planning_input_set_events WHERE input_set_id = $1 AND action = 'upload' ORDER BY id DESC LIMIT 1",
    [inputSetId],
  );
  return rows[0]?.principal ?? null;
}

/** What the events table's four-eyes trigger names when it refuses an approve event (migration app_role_and_four_eyes). */
const FOUR_EYES_CONSTRAINT = 'planning_input_set_events_four_eyes';

/**
 * The database refuses a self-approval too, also when `planning_hub.four_eyes` is on
 * for the database while FOUR_EYES is off here: answered like the check below (403).
 */
function asFourEyesRefusal(principal: string) {
  return (error: unknown): never => {
    if ((error as { constraint?: string } | null)?.constraint !== FOUR_EYES_CONSTRAINT) throw error;
    throw new AppError('forbidden', {
      message: `Four-eyes policy: '${principal}' uploaded the current content and cannot also approve it.`,
      hint: 'Ask another reviewer to approve it.',
      cause: error,
    });
  };
}

/** The checks a draft must pass to be approved, in the order a reviewer wants to hear them. */
async function assertApprovable(
  client: TSqlClient,
  draft: InputSet,
  options: Pick<TApproveDraftOptions, 'acknowledgeWarnings' | 'expectedContentHash' | 'principal' | 'fourEyes'>,
): Promise<void> {
  const shown = refOf(draft);
  if (draft.status !== 'draft') {
    throw new AppError('conflict', {
      message: `'${shown}' (r${draft.revision}) is ${draft.status}; only a draft can be approved.`,
      hint: `Approve '${draft.label}@draft'; \`planning list\` shows the label's revisions.`,
    });
  }
  assertContentUnchanged(draft, options.expectedContentHash);
  if (draft.errorCount > 0) {
    throw new AppError('conflict', {
      message: `'${shown}' has ${draft.errorCount} validation error(s) and cannot be approved.`,
      hint: 'Fix the rows listed under Problems (or in tmp/reports/import_planning_inputs.json) and upload the bundle again.',
    });
  }
  if (options.fourEyes && (await findUploader(client, draft.id)) === options.principal) {
    throw new AppError('forbidden', {
      message: `Four-eyes policy: '${options.principal}' uploaded the current content of '${shown}' and cannot also approve it.`,
      hint: 'Ask another reviewer to approve it.',
    });
  }
  if (draft.warningCount > 0 && options.acknowledgeWarnings !== true) {
    throw new AppError('conflict', {
      message: `'${shown}' has ${draft.warningCount} warning(s): approving it needs acknowledge_warnings: true.`,
      hint: 'Read the warnings, then tick "I have read the warnings" in the Review tab, or pass --acknowledge-warnings.',
    });
  }
}

/**
 * Approves a draft (DESIGN.md section 4, runbook section 3): it becomes ready
 * with approved_by/approved_at/review_comment set and an `approve` event; the
 * previous ready revision, if any, is archived with an `archive` event
 * `superseded by rN`. Refused with 409 for validation errors, unacknowledged
 * warnings, a lost race or changed content; 403 under the four-eyes policy.
 */
export async function approveDraft(options: TApproveDraftOptions): Promise<TReviewResponse> {
  const { pool, metrics, principal } = options;
  const ref = parseRefOrThrow(options.ref);
  const reviewer = parseReviewer(options.reviewer);
  const comment = parseComment(options.comment, 'A comment');

  const result = await withLabelTransition(pool, ref.label, {
    check: async (client, { locked }) => {
      const draft = await readRevision(client, ref, { locked });
      await assertApprovable(client, draft, options);
      return draft;
    },
    apply: async (client, draft) => {
      const events: TInputSetEvent[] = [];
      const { rows: readyRows } = await client.query<InputSet>(
        `SELECT ${INPUT_SET_COLUMNS} FROM planning_input_sets WHERE label = $1 AND status = 'ready' FOR UPDATE`,
        [draft.label],
      );
      let previousReady: InputSet | null = null;
      if (readyRows[0]) {
        // Archived first: the partial unique index allows one ready revision per label at any moment.
        previousReady = await updateRevision(client, readyRows[0].id, "status = 'archived'");
        events.push(
          await recordEvent(client, {
            label: draft.label,
            inputSetId: previousReady.id,
            revision: previousReady.revision,
            action: 'archive',
            actor: reviewer,
            principal,
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
      const approved = await updateRevision(
        client,
        draft.id,
        "status = 'ready', approved_by = $2, approved_at = now(), review_comment = $3",
        [reviewer, comment],
      );
      events.push(
        await recordEvent(client, {
          label: draft.label,
          inputSetId: approved.id,
          revision: approved.revision,
          action: 'approve',
          actor: reviewer,
          principal,
          comment,
          metadata: {
            content_hash: approved.contentHash,
            version_id: approved.versionId,
            warnings: approved.warningCount,
            warnings_by_code: warningCountsByCode(approved),
            acknowledged_warnings: options.acknowledgeWarnings === true,
            previous_ready_revision: previousReady?.revision ?? null,
            four_eyes: options.fourEyes,
          },
        }),
      );
      return { approved, previousReady, events };
    },
  }).catch(asFourEyesRefusal(principal));

  metrics?.reviews.inc({ action: 'approve' });
  return {
    ...toSummary(result.approved),
    previousReady: result.previousReady ? toSummary(result.previousReady) : null,
    events: result.events,
  };
}
