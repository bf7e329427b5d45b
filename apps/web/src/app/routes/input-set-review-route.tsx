import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/auth/get-session';
import { useInputSetOutlet } from '../../features/input-sets/ref-param';
import { ReviewForm } from '../../features/review/components/review-form';

/**
 * The Review tab joins two features (the input set on screen and the review
 * action), so it is composed here rather than importing one feature from another.
 */
export function InputSetReviewRoute() {
  const { inputSet } = useInputSetOutlet();
  const { data: session } = useSession();
  const navigate = useNavigate();
  return (
    <ReviewForm
      key={inputSet.ref}
      inputSet={inputSet}
      role={session?.user.role ?? 'viewer'}
      onReviewed={(ref) => navigate(paths.inputSet.getHref(ref))}
    />
  );
}
