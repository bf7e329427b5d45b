import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZListPlansResponse, type TListPlansResponse } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';

/** Root of every plan and run query: a new run changes the plans' recent runs and the run list. */
export const RUNS_QUERY_ROOT = ['runs'] as const;

/** Every plan, by name, with its newest runs. */
export function listPlans({ signal }: { signal?: AbortSignal } = {}): Promise<TListPlansResponse> {
  return apiRequest(API.plans, { schema: ZListPlansResponse, signal });
}

export function plansQueryOptions() {
  return queryOptions({
    queryKey: [...RUNS_QUERY_ROOT, 'plans'],
    queryFn: ({ signal }) => listPlans({ signal }),
  });
}

export function usePlans() {
  return useQuery(plansQueryOptions());
}
