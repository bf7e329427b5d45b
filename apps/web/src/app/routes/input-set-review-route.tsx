import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { TReviewAction, TReviewResponse } from '@planning-hub/contracts/api/review';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/auth/get-session';
import { useDiff } from '../../features/diff/api/get-diff';
import { inputSetQueryOptions } from '../../features/input-sets/api/get-input-set';
import {
  labelRevisionsQueryOptions,
  useLabelRevisions,
} from '../../features/input-sets/api/list-label-revisions';
import { useInputSetOutlet } from '../../features/input-sets/ref-param';
import { toApprovalImpact } from '../../features/review/approval-summary';
import { useChecks } from '../../features/review/api/get-checks';
import { usePolicy } from '../../features/review/api/get-policy';
import { ApprovalImpact } from '../../features/review/components/approval-impact';
import { CheckFindings } from '../../features/review/components/check-findings';
import { PolicyView } from '../../features/review/components/policy-view';
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
  // A draft is approved with eyes open: its validation and what it changes against the ready revision.
  const isDraft = inputSet.status === 'draft';
  const ready = revisions.data?.find((item) => item.status === 'ready' && item.id !== inputSet.id) ?? null;
  const hasReady = revisions.data ? ready !== null : null;
  const diff = useDiff(
    { ref: inputSet.ref, against: undefined, contentHash: inputSet.contentHash },
    { enabled: isDraft && hasReady === true },
  );
  const impact = toApprovalImpact(hasReady, diff);
  // Approval gates (docs/design.md section 11): the findings stored with this revision and the label's policy.
  const checks = useChecks(inputSet.ref, inputSet.contentHash);
  const policy = usePolicy(inputSet.label);
  const checkCounts = checks.data?.checked
    ? { errors: checks.data.errors, warnings: checks.data.warnings }
    : checks.data
      ? { errors: 0, warnings: 0 }
      : null;
  const diffHref = paths.inputSetDiff.getHref(inputSet.ref);

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
          onReviewed={handleReviewed}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: inputSetQueryOptions(inputSet.ref).queryKey });
            void queryClient.invalidateQueries({
              queryKey: labelRevisionsQueryOptions(inputSet.label).queryKey,
            });
          }}
          archivedRevision={ready?.revision ?? null}
          impact={impact}
          checkCounts={checkCounts}
        />
        {isDraft ? (
          <ApprovalImpact
            inputSet={inputSet}
            impact={impact}
            diffHref={diffHref}
            checks={<CheckFindings checks={checks.data} isError={checks.isError} diffHref={diffHref} />}
          />
        ) : null}
      </div>
      <PolicyView label={inputSet.label} policy={policy.data} isError={policy.isError} />
    </div>
  );
}
