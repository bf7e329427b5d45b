import { useId, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { Link } from 'react-router';
import { hasRole, type TRole } from '@planning-hub/contracts/api/auth';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import {
  DEFAULT_REVIEWER,
  REVIEW_ACTIONS,
  type TReviewAction,
  type TReviewResponse,
} from '@planning-hub/contracts/api/review';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import type { TMessageKey } from '../../../i18n/en';
import { useT, useTc } from '../../../i18n/i18n-context';
import { CheckboxField, FormField } from '../../../components/ui/form-field';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useReviewInputSet } from '../api/review-input-set';
import { approvalSentence, type TApprovalImpact } from '../approval-summary';
import type { TActionBlock } from '@planning-hub/contracts/api/input-sets';
import { buildReviewRequest, defaultAction, missingInput, needsAcknowledgement } from '../review-rules';

/** Why the server says `action` does not apply now (archiving is not a choice of this form). */
function blockReasonOf(
  inputSet: TInputSetDetail,
  action: TReviewAction,
): Exclude<TActionBlock, 'archiveAlreadyArchived'> | null {
  const reason = inputSet.actions[action].reason;
  return reason === 'archiveAlreadyArchived' ? null : reason;
}

/** The runbook's template (section 3). */
const COMMENT_TEMPLATE = 'JIRA-123 approve by ops_lead';

const ACTION_LABELS: Record<TReviewAction, TMessageKey> = {
  approve: 'review.action.approve',
  revert: 'review.action.revert',
};
const ACTION_HINTS: Record<TReviewAction, TMessageKey> = {
  approve: 'review.action.approveHint',
  revert: 'review.action.revertHint',
};
const BLOCK_MESSAGES: Record<Exclude<TActionBlock, 'archiveAlreadyArchived'>, TMessageKey> = {
  approveNeedsDraft: 'review.blocked.approveNeedsDraft',
  approveHasErrors: 'review.blocked.approveHasErrors',
  approveHasCheckErrors: 'review.blocked.approveHasCheckErrors',
  revertNeedsReady: 'review.blocked.revertNeedsReady',
  revertHasDraft: 'review.blocked.revertHasDraft',
};

type TReviewFormProps = {
  inputSet: TInputSetDetail;
  role: TRole;
  /** The signed-in user's employee id: the Reviewer ID recorded when the field is left empty. */
  employeeId: string | null;
  /** Called with the API's answer; the revision now has a new reference (`foo@draft` -> `foo`). */
  onReviewed: (result: TReviewResponse, action: TReviewAction) => void;
  /** Loads the revision again (after a 409: it changed or moved meanwhile). */
  onReload: () => void;
  /** The ready revision approving archives; null when there is none or it is not known yet. */
  archivedRevision: number | null;
  /** What approving changes, for the confirmation. */
  impact: TApprovalImpact;
  /** The approval gates' findings by severity (docs/design.md section 11); null while unknown. */
  checkCounts: { errors: number; warnings: number } | null;
};

/**
 * The runbook's Review form (section 3): Action, Reviewer, Comment, and the
 * acknowledgement of warnings. Whatever stops it from being sent is said next to it.
 */
export function ReviewForm({
  inputSet,
  role,
  employeeId,
  onReviewed,
  onReload,
  archivedRevision,
  impact,
  checkCounts,
}: TReviewFormProps) {
  const t = useT();
  const tc = useTc();
  const [isConfirming, setIsConfirming] = useState(false);
  const ids = { reviewer: useId(), comment: useId(), acknowledge: useId(), blocked: useId(), why: useId() };
  const review = useReviewInputSet();
  const [action, setAction] = useState<TReviewAction>(defaultAction(inputSet.status));
  const [reviewer, setReviewer] = useState('');
  const [comment, setComment] = useState('');
  const [acknowledgeWarnings, setAcknowledgeWarnings] = useState(false);

  const canReview = hasRole(role, 'reviewer');
  // What the revision's state allows is the server's to say (its detail's `actions`).
  const reviewable = inputSet;
  const block = blockReasonOf(inputSet, action);
  const mustAcknowledge = needsAcknowledgement(action, reviewable);
  const toAcknowledge = inputSet.actions.warningsToAcknowledge;
  const hasCheckWarnings = (checkCounts?.warnings ?? 0) > 0;
  const missing = missingInput({ action, comment, acknowledgeWarnings, revision: reviewable });
  const canSubmit = canReview && block === null && missing === null && !review.isPending;
  const draftRef = `${inputSet.label}@draft`;

  // The one reason the button is disabled, in the order a reviewer can act on it.
  const whyDisabled = !canReview
    ? t('review.why.role')
    : block
      ? t('review.why.blocked')
      : missing === 'comment'
        ? t('review.why.comment')
        : missing === 'acknowledgement'
          ? tc('review.why.acknowledge', toAcknowledge)
          : null;

  function send() {
    review.mutate(
      {
        ref: inputSet.ref,
        request: buildReviewRequest({ action, reviewer, comment, acknowledgeWarnings, revision: reviewable }),
      },
      { onSuccess: (result) => onReviewed(result, action), onSettled: () => setIsConfirming(false) },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSubmit) return;
    // An approval is confirmed first, with what becomes ready and what it changes.
    if (action === 'approve') setIsConfirming(true);
    else send();
  }

  return (
    <form
      className="card stack review-form"
      onSubmit={handleSubmit}
      aria-labelledby="review-title"
      noValidate
    >
      <div className="stack-xs">
        <h2 id="review-title">{t('tab.review')}</h2>
        <p className="muted">{t('review.intro')}</p>
      </div>

      {!canReview ? (
        <p className="alert alert--info" role="note">
          {t('review.roleRequired', { role: t(`role.${role}`) })}
        </p>
      ) : null}

      <fieldset className="fieldset-plain stack" disabled={!canReview || review.isPending}>
        <fieldset className="fieldset" aria-describedby={block ? ids.blocked : undefined}>
          <legend>{t('review.action.label')}</legend>
          <div className="radio-row">
            {REVIEW_ACTIONS.map((value) => {
              const valueBlock = blockReasonOf(inputSet, value);
              return (
                <label key={value} className={`radio-card${valueBlock ? ' radio-card--blocked' : ''}`}>
                  <input
                    type="radio"
                    name="action"
                    value={value}
                    checked={action === value}
                    onChange={() => setAction(value)}
                  />
                  <span className="radio-card-title">{t(ACTION_LABELS[value])}</span>
                  <span className="radio-card-hint">
                    {t(ACTION_HINTS[value])}
                    {valueBlock ? ` · ${t('review.notAvailable')}` : ''}
                  </span>
                </label>
              );
            })}
          </div>
          {block ? (
            <p className="field-error" id={ids.blocked}>
              {t(BLOCK_MESSAGES[block], {
                count: formatCount(
                  block === 'approveHasCheckErrors' ? (checkCounts?.errors ?? 0) : inputSet.errorCount,
                ),
                status: t(`status.${inputSet.status}`),
                draft: draftRef,
              })}
            </p>
          ) : null}
        </fieldset>

        <div className="form-grid">
          <FormField
            id={ids.reviewer}
            label={t('review.reviewer.label')}
            mark="optional"
            hint={t('review.reviewer.hint', { fallback: employeeId ?? DEFAULT_REVIEWER })}
          >
            {(control) => (
              <input
                {...control}
                className="input mono"
                value={reviewer}
                onChange={(event) => setReviewer(event.target.value)}
                placeholder={employeeId ?? DEFAULT_REVIEWER}
                maxLength={FIELD_LIMITS.reviewerId}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField
            id={ids.comment}
            label={t('review.comment.label')}
            mark="required"
            hint={
              action === 'revert'
                ? t('review.comment.revertHint')
                : t('review.comment.hint', { template: COMMENT_TEMPLATE })
            }
            className="field--wide"
          >
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={3}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                placeholder={action === 'approve' ? COMMENT_TEMPLATE : t('review.comment.revertPlaceholder')}
                maxLength={FIELD_LIMITS.reviewComment}
                required
                aria-required="true"
              />
            )}
          </FormField>
        </div>

        {mustAcknowledge ? (
          <CheckboxField
            id={ids.acknowledge}
            label={tc('review.acknowledge.label', toAcknowledge)}
            hint={
              <>
                {t(hasCheckWarnings ? 'review.acknowledge.hintChecks' : 'review.acknowledge.hint')}{' '}
                {inputSet.warningCount > 0 ? (
                  <Link to={paths.inputSet.getHref(inputSet.ref)}>{t('review.acknowledge.see')}</Link>
                ) : null}
                {inputSet.warningCount > 0 && hasCheckWarnings ? ' · ' : null}
                {hasCheckWarnings ? (
                  <a href="#check-findings">{t('review.acknowledge.seeFindings')}</a>
                ) : null}
              </>
            }
            checked={acknowledgeWarnings}
            onChange={setAcknowledgeWarnings}
            className="acknowledge"
          />
        ) : null}
      </fieldset>

      {review.isError ? (
        <ProblemAlert error={review.error} title={t('review.failed')}>
          {isApiError(review.error) && review.error.status === 409 ? (
            <p>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => {
                  review.reset();
                  onReload();
                }}
              >
                {t('review.reload')}
              </button>
            </p>
          ) : null}
        </ProblemAlert>
      ) : null}

      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!canSubmit}
          aria-describedby={whyDisabled ? ids.why : undefined}
        >
          {review.isPending
            ? t('review.submitting')
            : t(action === 'approve' ? 'review.submit.approve' : 'review.submit.revert')}
        </button>
        {whyDisabled && !review.isPending ? (
          <p className="muted" id={ids.why}>
            {whyDisabled}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('review.confirm.title', { ref: inputSet.ref })}
        confirmLabel={t('review.confirm.approve')}
        busyLabel={t('review.submitting')}
        isBusy={review.isPending}
        onConfirm={send}
        onCancel={() => setIsConfirming(false)}
      >
        <p className="confirm-sentence">
          {approvalSentence(
            {
              label: inputSet.label,
              revision: inputSet.revision,
              versionId: inputSet.versionId,
              contentHash: inputSet.contentHash,
              archivedRevision,
              impact,
            },
            { t, tc },
          )}
        </p>
        {impact.kind === 'done' && !impact.identical ? (
          <p className="muted num">
            {t('review.confirm.breakdown', {
              added: impact.totals.added,
              removed: impact.totals.removed,
              changed: impact.totals.changed,
            })}
          </p>
        ) : null}
        <p className="muted">
          {t('review.confirm.recorded', { reviewer: reviewer.trim() || employeeId || DEFAULT_REVIEWER })}
        </p>
      </ConfirmDialog>
    </form>
  );
}
