import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZInputSetSummary, type TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

export const REVIEW_ACTIONS = ['approve', 'revert'] as const;
export type TReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * The body of POST API.review(ref) (DESIGN section 4). The contracts have no
 * ZReviewRequest yet; replace this type with its z.infer when they do.
 */
export type TReviewInputSetRequest = {
  action: TReviewAction;
  /** Empty means `ui_reviewer` (runbook); the API also records the signed-in principal. */
  reviewer?: string;
  comment: string;
  /** Required to approve a revision with warnings. */
  acknowledge_warnings?: boolean;
};

/** Approves a draft or reverts a ready set; answers the revision as it now is. */
export function reviewInputSet({ ref, request }: { ref: string; request: TReviewInputSetRequest }): Promise<TInputSetSummary> {
  return apiRequest(API.review(ref), { method: 'POST', json: request, schema: ZInputSetSummary });
}

export function useReviewInputSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewInputSet,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeyRoots.inputSets }),
  });
}
