import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TReviewAction } from '@planning-hub/contracts/api/review';
import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import { useT } from '../../../i18n/i18n-context';
import { StatusBadge } from '../../../components/ui/status-badge';

/** What a review changed, as the page after it announces it. */
export type TReviewOutcome = {
  action: TReviewAction;
  ref: string;
  revision: number;
  status: TInputSetStatus;
  /** The ready revision an approval archived, by its new reference. */
  archivedRef: string | null;
};

/** The result of the review just sent: the new status at once, focused so it is read out. */
export function ReviewOutcome({ outcome, historyHref }: { outcome: TReviewOutcome; historyHref: string }) {
  const t = useT();
  const titleRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, [outcome]);

  return (
    <div className="alert alert--success" role="status">
      <div className="alert-body">
        <p className="alert-title" ref={titleRef} tabIndex={-1}>
          {t(outcome.action === 'approve' ? 'review.done.approved' : 'review.done.reverted')}
        </p>
        <p className="outcome-line">
          <code className="ref">{outcome.ref}</code>
          <span className="num">r{outcome.revision}</span>
          <span>{t('review.done.isNow')}</span>
          <StatusBadge status={outcome.status} />
        </p>
        {outcome.archivedRef ? <p>{t('review.done.archived', { ref: outcome.archivedRef })}</p> : null}
        <p>
          <Link to={historyHref}>{t('review.done.history')}</Link>
        </p>
      </div>
    </div>
  );
}
