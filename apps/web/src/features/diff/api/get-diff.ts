import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZDiffResponse, type TDiffResponse } from '@planning-hub/contracts/api/diff';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { isJobWorking } from '../diff-rules';

/** How often a queued diff job is asked about. */
export const DIFF_POLL_MS = 1000;
/**
 * A running job is asked about twice as often: the wait between its end and the page
 * showing the diff is at most this, not a second (docs/performance.md, "The Diff tab in Chromium").
 */
export const DIFF_RUNNING_POLL_MS = 500;

export type TDiffRequest = {
  ref: string;
  /** The older side; undefined: the server's choice, which its answer names (`against`). */
  against: string | undefined;
  /**
   * Not sent: part of the cache key, so a draft overwritten by a new upload is
   * compared again rather than answered from the previous content's result.
   */
  contentHash: string;
};

/**
 * GET API.diff(ref): 200 with the summary once computed, 202 with the background
 * job's state until then (docs/design.md section 6). `retry` runs a failed job again.
 */
export function getDiff({
  ref,
  against,
  retry,
  signal,
}: TDiffRequest & { retry?: boolean; signal?: AbortSignal }): Promise<TDiffResponse> {
  return apiRequest(API.diff(ref), {
    query: { against, retry: retry ? 'true' : undefined },
    schema: ZDiffResponse,
    signal,
  });
}

export function diffQueryOptions(request: TDiffRequest) {
  return queryOptions({
    queryKey: ['diff', request.ref, request.against ?? null, request.contentHash],
    queryFn: ({ signal }) => getDiff({ ...request, signal }),
    // Poll while the job is queued or running; a done or failed answer stays as it is.
    refetchInterval: (query) =>
      query.state.data?.state === 'running'
        ? DIFF_RUNNING_POLL_MS
        : isJobWorking(query.state.data)
          ? DIFF_POLL_MS
          : false,
  });
}

/** `enabled: false` asks nothing (the Review tab of a label without a ready revision). */
export function useDiff(request: TDiffRequest, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...diffQueryOptions(request), enabled });
}

/** Runs a failed diff job again (`retry=true`); the answer (queued) restarts the polling. */
export function useRetryDiff(request: TDiffRequest) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => getDiff({ ...request, retry: true }),
    onSuccess: (answer) => queryClient.setQueryData(diffQueryOptions(request).queryKey, answer),
  });
}
