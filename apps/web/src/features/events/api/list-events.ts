import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ZEventsResponse, type TEventsResponse } from '@planning-hub/contracts/api/events';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The runbook's page: `GET .../events?limit=100`. */
export const EVENTS_PAGE_SIZE = 100;

/** One page of a label's audit events, newest first; `cursor` continues with older ones. */
export function listEvents({
  label,
  cursor,
  limit = EVENTS_PAGE_SIZE,
  signal,
}: {
  label: string;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}): Promise<TEventsResponse> {
  return apiRequest(API.events(label), { query: { limit, cursor }, schema: ZEventsResponse, signal });
}

export function labelEventsQueryOptions(label: string) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.labelEvents(label), 'pages'],
    queryFn: ({ pageParam, signal }) => listEvents({ label, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The History table's events, a page of 100 at a time ("Load more"). */
export function useLabelEvents(label: string) {
  return useInfiniteQuery(labelEventsQueryOptions(label));
}
