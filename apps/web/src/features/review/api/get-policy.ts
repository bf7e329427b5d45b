import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZLabelPolicy, type TLabelPolicy } from '@planning-hub/contracts/api/policy';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';

/** GET API.policy(label): the label's approval-gate policy, or the default (docs/design.md section 11). */
export function getPolicy({ label, signal }: { label: string; signal?: AbortSignal }): Promise<TLabelPolicy> {
  return apiRequest(API.policy(label), { schema: ZLabelPolicy, signal });
}

export function policyQueryOptions(label: string) {
  return queryOptions({
    queryKey: ['policy', label] as const,
    queryFn: ({ signal }) => getPolicy({ label, signal }),
  });
}

export function usePolicy(label: string) {
  return useQuery(policyQueryOptions(label));
}
