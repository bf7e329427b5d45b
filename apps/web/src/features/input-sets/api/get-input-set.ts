import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZInputSetDetail, type TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** One revision by reference: `foo` (ready), `foo@draft` or `foo@r3`. */
export function getInputSet({
  ref,
  signal,
}: {
  ref: string;
  signal?: AbortSignal;
}): Promise<TInputSetDetail> {
  return apiRequest(API.inputSet(ref), { schema: ZInputSetDetail, signal });
}

export function inputSetQueryOptions(ref: string) {
  return queryOptions({
    queryKey: queryKeys.inputSetDetail(ref),
    queryFn: ({ signal }) => getInputSet({ ref, signal }),
  });
}

export function useInputSet(ref: string) {
  return useQuery(inputSetQueryOptions(ref));
}
