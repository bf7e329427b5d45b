import { useId, useState, type FormEvent } from 'react';
import { hasRole, type TRole } from '@planning-hub/contracts/api/auth';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { featureFlags } from '../../../config/feature-flags';
import { formatCount } from '../../../lib/format';
import type { TMessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { REVIEW_ACTIONS, useReviewInputSet, type TReviewAction } from '../api/review-input-set';
import { blockedReason, buildReviewRequest, defaultAction, needsAcknowledgement, type TActionBlock } from '../review-rules';

const COMMENT_MAX_LENGTH = 2000;
const REVIEWER_MAX_LENGTH = 64;

const ACTION_LABELS: Record<TReviewAction, TMessageKey> = { approve: 'review.action.approve', revert: 'review.action.revert' };
const BLOCK_MESSAGES: Record<Exclude<TActionBlock, null>, TMessageKey> = {
  approveNeedsDraft: 'review.blocked.approveNeedsDraft',
  approveHasErrors: 'review.blocked.approveHasErrors',
  revertNeedsReady: 'review.blocked.revertNeedsReady',
};

type TReviewFormProps = {
  inputSet: TInputSetDetail;
  role: TRole;
  /** Called with the revision's reference after the change (approve turns `foo@draft` into `foo`). */
  onReviewed: (ref: string) => void;
};

/** The runbook's Review form: Action, Reviewer, Comment (and the warnings acknowledgement). */
export function ReviewForm({ inputSet, role, onReviewed }: TReviewFormProps) {
  const t = useT();
  const ids = { reviewer: useId(), comment: useId(), acknowledge: useId(), action: useId() };
  const review = useReviewInputSet();
  const [action, setAction] = useState<TReviewAction>(defaultAction(inputSet.status));
  const [reviewer, setReviewer] = useState('');
  const [comment, setComment] = useState('');
  const [acknowledgeWarnings, setAcknowledgeWarnings] = useState(false);

  const canReview = hasRole(role, 'reviewer');
  const block = blockedReason(action, inputSet);
  const mustAcknowledge = needsAcknowledgement(action, inputSet);
  const isComplete = comment.trim().length > 0 && (!mustAcknowledge || acknowledgeWarnings);
  const isEndpointAvailable = featureFlags.isReviewEndpointAvailable;
  const canSubmit = canReview && isEndpointAvailable && block === null && isComplete && !review.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSubmit) return;
    review.mutate(
      { ref: inputSet.ref, request: buildReviewRequest({ action, reviewer, comment, acknowledgeWarnings, revision: inputSet }) },
      { onSuccess: (revision) => onReviewed(revision.ref) },
    );
  }

  return (
    <form className="card stack review-form" onSubmit={handleSubmit} aria-labelledby="review-title">
      <h2 id="review-title">{t('tab.review')}</h2>
      <p className="muted">{t('review.intro')}</p>

      {!canReview ? (
        <p className="alert alert--info">{t('review.roleRequired', { role: t(`role.${role}`) })}</p>
      ) : null}

      <fieldset className="fieldset" aria-describedby={block ? `${ids.action}-blocked` : undefined}>
        <legend>{t('review.action.label')}</legend>
        <div className="radio-row">
          {REVIEW_ACTIONS.map((value) => (
            <label key={value} className="radio-card">
              <input
                type="radio"
                name="action"
                value={value}
                checked={action === value}
                onChange={() => setAction(value)}
              />
              <span className="radio-card-title">{t(ACTION_LABELS[value])}</span>
              <span className="radio-card-hint">{t(value === 'approve' ? 'review.action.approveHint' : 'review.action.revertHint')}</span>
            </label>
          ))}
        </div>
        {block ? (
          <p className="field-error" id={`${ids.action}-blocked`}>
            {t(BLOCK_MESSAGES[block], { count: formatCount(inputSet.errorCount), status: inputSet.status })}
          </p>
        ) : null}
      </fieldset>

      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.reviewer}>{t('review.reviewer.label')}</label>
          <input
            id={ids.reviewer}
            className="input mono"
            value={reviewer}
            onChange={(event) => setReviewer(event.target.value)}
            placeholder="ui_reviewer"
            maxLength={REVIEWER_MAX_LENGTH}
            autoComplete="off"
            aria-describedby={`${ids.reviewer}-hint`}
          />
          <p className="field-hint" id={`${ids.reviewer}-hint`}>
            {t('review.reviewer.hint')}
          </p>
        </div>
        <div className="field field--wide">
          <label htmlFor={ids.comment}>
            {t('review.comment.label')} <span className="required-mark">{t('form.required')}</span>
          </label>
          <textarea
            id={ids.comment}
            className="input textarea"
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            placeholder="JIRA-123 approve by ops_lead"
            maxLength={COMMENT_MAX_LENGTH}
            required
            aria-describedby={`${ids.comment}-hint`}
          />
          <p className="field-hint" id={`${ids.comment}-hint`}>
            {action === 'revert' ? t('review.comment.revertHint') : t('review.comment.hint')}
          </p>
        </div>
      </div>

      {mustAcknowledge ? (
        <div className="field field--checkbox acknowledge">
          <input
            id={ids.acknowledge}
            type="checkbox"
            checked={acknowledgeWarnings}
            onChange={(event) => setAcknowledgeWarnings(event.target.checked)}
            aria-describedby={`${ids.acknowledge}-hint`}
          />
          <div>
            <label htmlFor={ids.acknowledge}>{t('review.acknowledge.label')}</label>
            <p className="field-hint" id={`${ids.acknowledge}-hint`}>
              {t('review.acknowledge.hint', { count: formatCount(inputSet.warningCount) })}
            </p>
          </div>
        </div>
      ) : null}

      {review.isError ? <ProblemAlert error={review.error} title={t('review.failed')} /> : null}

      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={!canSubmit} aria-describedby={!isEndpointAvailable ? 'review-unavailable' : undefined}>
          {review.isPending ? t('review.submitting') : t(action === 'approve' ? 'review.submit.approve' : 'review.submit.revert')}
        </button>
        {!isEndpointAvailable ? (
          <p className="muted" id="review-unavailable">
            {t('review.unavailable')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
