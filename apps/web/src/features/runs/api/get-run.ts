import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZRunDetail, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { RUNS_QUERY_ROOT } from './list-plans';

const RUNNING_POLL_MS = 2000;

export function getRun({ id, signal }: { id: string; signal?: AbortSignal }): Promise<TRunDetail> {
  return apiRequest(API.run(id), { schema: ZRunDetail, signal });
}

export function runQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...RUNS_QUERY_ROOT, 'detail', id],
    queryFn: ({ signal }) => getRun({ id, signal }),
    // A run still `running` (started elsewhere) is asked about again until it ends.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? RUNNING_POLL_MS : false),
  });
}

export function useRun(id: string) {
  return useQuery(runQueryOptions(id));
}
