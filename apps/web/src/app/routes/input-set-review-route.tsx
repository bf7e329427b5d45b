import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { TReviewAction, TReviewResponse } from '@planning-hub/contracts/api/review';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/auth/get-session';
import { inputSetQueryOptions } from '../../features/input-sets/api/get-input-set';
import { labelRevisionsQueryOptions, useLabelRevisions } from '../../features/input-sets/api/list-label-revisions';
import { useInputSetOutlet } from '../../features/input-sets/ref-param';
import { ReviewForm } from '../../features/review/components/review-form';
import { ReviewOutcome, type TReviewOutcome } from '../../features/review/components/review-outcome';

type TReviewLocationState = { reviewOutcome?: TReviewOutcome } | null;

/**
 * The Review tab joins two features (the input set on screen and the review
 * action), so it is composed here rather than importing one feature from another.
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
      />
    </div>
  );
}
