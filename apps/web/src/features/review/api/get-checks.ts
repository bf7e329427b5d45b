import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZChecksResponse, type TChecksResponse } from '@planning-hub/contracts/api/policy';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

/** GET API.checks(ref): what the approval gates found when the revision was stored (docs/design.md section 11). */
export function getChecks({ ref, signal }: { ref: string; signal?: AbortSignal }): Promise<TChecksResponse> {
  return apiRequest(API.checks(ref), { schema: ZChecksResponse, signal });
}

/** Keyed by the content hash too: an upload that overwrites the draft brings new findings. */
export function checksQueryOptions(ref: string, contentHash: string) {
  return queryOptions({
    queryKey: [...queryKeyRoots.inputSets, 'checks', ref, contentHash] as const,
    queryFn: ({ signal }) => getChecks({ ref, signal }),
  });
}

export function useChecks(ref: string, contentHash: string) {
  return useQuery(checksQueryOptions(ref, contentHash));
}
