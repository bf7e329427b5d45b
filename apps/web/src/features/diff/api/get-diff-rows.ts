import { queryOptions, useQueries } from '@tanstack/react-query';
import {
  ZDiffRowsResponse,
  type TDiffJobState,
  type TDiffKind,
  type TDiffRowsResponse,
} from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { rowFilterQuery, type TRowFilterState } from '../diff-rules';
import { doneOrJobState } from './diff-answer';

/** 200: a page of rows; 202: the cache went stale meanwhile and the job runs again. */
export type TDiffRowsAnswer = TDiffRowsResponse | TDiffJobState;

const ZDiffRowsAnswer: TSchema<TDiffRowsAnswer> = doneOrJobState(ZDiffRowsResponse);

export type TDiffRowsRequest = {
  ref: string;
  against: string | undefined;
  table: TTableName;
  kind: TDiffKind;
  /** Key value, column, |Δ| and order: applied by the server. */
  filters: TRowFilterState;
  limit: number;
  /** Not sent: the two content hashes make a page cacheable for good. */
  refHash: string;
  againstHash: string;
};

/** GET API.diffRows(ref): one page of added, removed or changed rows of one table, in key order or as filtered and sorted. */
export function getDiffRows({
  ref,
  against,
  table,
  kind,
  filters,
  offset,
  limit,
  signal,
}: TDiffRowsRequest & { offset: number; signal?: AbortSignal }): Promise<TDiffRowsAnswer> {
  return apiRequest(API.diffRows(ref), {
    query: { against, table, kind, offset, limit, ...rowFilterQuery(filters) },
    schema: ZDiffRowsAnswer,
    signal,
  });
}

export function diffRowsQueryOptions(request: TDiffRowsRequest & { offset: number }) {
  const { ref, against, table, kind, filters, offset, limit, refHash, againstHash } = request;
  return queryOptions({
    queryKey: [
      'diff',
      ref,
      against ?? null,
      'rows',
      refHash,
      againstHash,
      table,
      kind,
      filters,
      offset,
      limit,
    ],
    queryFn: ({ signal }) => getDiffRows({ ...request, signal }),
    staleTime: Infinity,
    gcTime: 2 * 60_000,
  });
}

/**
 * The pages at `offsets`. Pages not in `fetchable` are read from the cache only:
 * a fast scroll past thousands of rows does not ask for every page it flies over.
 */
export function useDiffRowPages(
  request: TDiffRowsRequest,
  offsets: readonly number[],
  fetchable: ReadonlySet<number>,
) {
  return useQueries({
    queries: offsets.map((offset) => ({
      ...diffRowsQueryOptions({ ...request, offset }),
      enabled: fetchable.has(offset),
    })),
  });
}
