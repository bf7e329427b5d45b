import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import {
  ZReviewResponse,
  type TReviewRequest,
  type TReviewResponse,
} from '@planning-hub/contracts/api/review';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots, queryKeys } from '../../../lib/query-keys';

/**
 * POST API.review(ref) (docs/design.md section 4): approves a draft or reverts a ready set.
 * Answers the revision as it now is (under its new reference), the ready revision an
 * approval archived, and the events written.
 */
export function reviewInputSet({
  ref,
  request,
}: {
  ref: string;
  request: TReviewRequest;
}): Promise<TReviewResponse> {
  return apiRequest(API.review(ref), { method: 'POST', json: request, schema: ZReviewResponse });
}

export function useReviewInputSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewInputSet,
    onSuccess: (result, { ref }) => {
      // The new status shows at once: the detail under its new reference (`foo@draft` -> `foo`)
      // starts from what is on screen plus the answer, and is refreshed when it mounts.
      const shown = queryClient.getQueryData<TInputSetDetail>(queryKeys.inputSetDetail(ref));
      const { previousReady: _previousReady, events: _events, ...summary } = result;
      if (shown)
        queryClient.setQueryData<TInputSetDetail>(queryKeys.inputSetDetail(result.ref), {
          ...shown,
          ...summary,
        });
      // Not refetched now: the reference just reviewed may be gone (a 404 flash before navigating away).
      void queryClient.invalidateQueries({ queryKey: queryKeyRoots.inputSets, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.labelEvents(result.label) });
    },
  });
}
