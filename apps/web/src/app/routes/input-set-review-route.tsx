import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { TReviewAction, TReviewResponse } from '@planning-hub/contracts/api/review';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/auth/get-session';
import { useDiff } from '../../features/diff/api/get-diff';
import { inputSetQueryOptions } from '../../features/input-sets/api/get-input-set';
import { labelRevisionsQueryOptions, useLabelRevisions } from '../../features/input-sets/api/list-label-revisions';
import { useInputSetOutlet } from '../../features/input-sets/ref-param';
import { toApprovalImpact } from '../../features/review/approval-summary';
import { ApprovalImpact } from '../../features/review/components/approval-impact';
import { ReviewForm } from '../../features/review/components/review-form';
import { ReviewOutcome, type TReviewOutcome } from '../../features/review/components/review-outcome';

type TReviewLocationState = { reviewOutcome?: TReviewOutcome } | null;

/**
 * The Review tab joins three features (the input set on screen, its diff against the
 * ready revision and the review action), so it is composed here rather than importing
 * one feature from another.
 */
export function InputSetReviewRoute() {
  const { inputSet } = useInputSetOutlet();
  const { data: session } = useSession();
  const revisions = useLabelRevisions(inputSet.label);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const outcome = (location.state as TReviewLocationState)?.reviewOutcome;
  const hasDraft = revisions.data ? revisions.data.some((item) => item.status === 'draft' && item.id !== inputSet.id) : null;
  // A draft is approved with eyes open: its validation and what it changes against the ready revision.
  const isDraft = inputSet.status === 'draft';
  const ready = revisions.data?.find((item) => item.status === 'ready' && item.id !== inputSet.id) ?? null;
  const hasReady = revisions.data ? ready !== null : null;
  const diff = useDiff({ ref: inputSet.ref, against: undefined, contentHash: inputSet.contentHash }, { enabled: isDraft && hasReady === true });
  const impact = toApprovalImpact(hasReady, diff);

  function handleReviewed(result: TReviewResponse, action: TReviewAction) {
    const reviewOutcome: TReviewOutcome = {
      action,
      ref: result.ref,
      revision: result.revision,
      status: result.status,
      archivedRef: result.previousReady?.ref ?? null,
    };
    // Approving `foo@draft` makes it `foo`; reverting `foo` makes it `foo@draft`.
    navigate(paths.inputSetReview.getHref(result.ref), { state: { reviewOutcome } });
  }

  return (
    <div className="stack">
      {outcome && outcome.ref === inputSet.ref ? (
        <ReviewOutcome outcome={outcome} historyHref={paths.inputSetHistory.getHref(inputSet.ref)} />
      ) : null}
      <div className={isDraft ? 'review-layout' : undefined}>
        <ReviewForm
          key={`${inputSet.ref}|${inputSet.status}`}
          inputSet={inputSet}
          role={session?.user.role ?? 'viewer'}
          employeeId={session?.user.employeeId ?? null}
          hasDraft={hasDraft}
          onReviewed={handleReviewed}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: inputSetQueryOptions(inputSet.ref).queryKey });
            void queryClient.invalidateQueries({ queryKey: labelRevisionsQueryOptions(inputSet.label).queryKey });
          }}
          archivedRevision={ready?.revision ?? null}
          impact={impact}
        />
        {isDraft ? (
          <ApprovalImpact inputSet={inputSet} impact={impact} diffHref={paths.inputSetDiff.getHref(inputSet.ref)} />
        ) : null}
      </div>
    </div>
  );
}
