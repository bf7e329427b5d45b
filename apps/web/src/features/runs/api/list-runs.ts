import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZListRunsResponse, type TListRunsResponse } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { RUNS_QUERY_ROOT } from './list-plans';

export const RECENT_RUNS_LIMIT = 20;
/** Prefix of every run list, whatever its limit. */
export const RUN_LISTS_KEY = [...RUNS_QUERY_ROOT, 'list'] as const;

/** The newest runs of every plan and of none (Legacy mode runs started without a plan too). */
export function listRuns({
  limit = RECENT_RUNS_LIMIT,
  signal,
}: { limit?: number; signal?: AbortSignal } = {}): Promise<TListRunsResponse> {
  return apiRequest(API.runs, { query: { limit }, schema: ZListRunsResponse, signal });
}

export function runsQueryOptions(limit = RECENT_RUNS_LIMIT) {
  return queryOptions({
    queryKey: [...RUN_LISTS_KEY, limit],
    queryFn: ({ signal }) => listRuns({ limit, signal }),
  });
}

export function useRuns(limit = RECENT_RUNS_LIMIT) {
  return useQuery(runsQueryOptions(limit));
}
