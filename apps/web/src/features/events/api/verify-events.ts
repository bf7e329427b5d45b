import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZVerifyEventsResponse, type TVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Walks the label's hash chain on the server (`planning events verify`). */
export function verifyEvents({
  label,
  signal,
}: {
  label: string;
  signal?: AbortSignal;
}): Promise<TVerifyEventsResponse> {
  return apiRequest(API.eventsVerify(label), { schema: ZVerifyEventsResponse, signal });
}

export function verifyEventsQueryOptions(label: string) {
  return queryOptions({
    queryKey: [...queryKeys.labelEvents(label), 'verify'],
    queryFn: ({ signal }) => verifyEvents({ label, signal }),
  });
}

export function useVerifyEvents(label: string) {
  return useQuery(verifyEventsQueryOptions(label));
}
