import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { TInputSetStatus } from '@planning-hub/contracts/api/input-set-statuses';
import type { TListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { inputSetsAnswer } from '../../../lib/first-page-answers';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

/** Rows per request; 1,000 input sets arrive in two. */
export const LIST_PAGE_SIZE = 500;

export type TInputSetFilters = { status?: TInputSetStatus; search?: string };

export function listInputSets({
  status,
  search,
  offset,
  limit = LIST_PAGE_SIZE,
  signal,
}: TInputSetFilters & {
  offset: number;
  limit?: number;
  signal?: AbortSignal;
}): Promise<TListInputSetsResponse> {
  return apiRequest(API.inputSets, {
    query: { status, search, limit, offset },
    schema: inputSetsAnswer,
    signal,
  });
}

export function listInputSetsQueryOptions(filters: TInputSetFilters) {
  return infiniteQueryOptions({
    queryKey: [
      ...queryKeyRoots.inputSets,
      'list',
      { status: filters.status ?? null, search: filters.search ?? '' },
    ],
    queryFn: ({ pageParam, signal }) => listInputSets({ ...filters, offset: pageParam, signal }),
    initialPageParam: 0,
    getNextPageParam: (lastPage) => lastPage.nextOffset ?? undefined,
    // Typing in the search box keeps the previous rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useInputSets(filters: TInputSetFilters) {
  return useInfiniteQuery(listInputSetsQueryOptions(filters));
}
