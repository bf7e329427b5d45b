import { queryOptions, useQueries } from '@tanstack/react-query';
import { ZTableRowsResponse, type TTableRowsResponse } from '@planning-hub/contracts/api/input-sets';
import type { TTableName } from '@planning-hub/contracts/tables';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

type TTableRowsRequest = {
  ref: string;
  table: TTableName;
  offset: number;
  limit: number;
  /**
   * Not sent: part of the cache key, so rows of an overwritten draft are never
   * mixed with the new ones, and rows of one content can be cached for good.
   */
  contentHash: string;
};

export function getTableRows({
  ref,
  table,
  offset,
  limit,
  signal,
}: TTableRowsRequest & { signal?: AbortSignal }): Promise<TTableRowsResponse> {
  return apiRequest(API.tableRows(ref, table), {
    query: { offset, limit },
    schema: ZTableRowsResponse,
    signal,
  });
}

export function tableRowsQueryOptions(request: TTableRowsRequest) {
  const { ref, table, offset, limit, contentHash } = request;
  return queryOptions({
    queryKey: [...queryKeys.inputSetDetail(ref), 'tables', table, contentHash, offset, limit],
    queryFn: ({ signal }) => getTableRows({ ...request, signal }),
    staleTime: Infinity,
    gcTime: 2 * 60_000,
  });
}

/** The pages of rows at `offsets`, fetched in parallel and cached per page. */
export function useTableRowPages(request: Omit<TTableRowsRequest, 'offset'>, offsets: readonly number[]) {
  return useQueries({ queries: offsets.map((offset) => tableRowsQueryOptions({ ...request, offset })) });
}
