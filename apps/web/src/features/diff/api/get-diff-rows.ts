import { queryOptions } from '@tanstack/react-query';
import {
  ZDiffRowsResponse,
  type TDiffJobState,
  type TDiffKind,
  type TDiffRowsResponse,
} from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { rowFilterQuery } from '../diff-rules';
import { doneOrJobState } from './diff-answer';
import { diffPageCache, useDiffPages, type TDiffPageRequest } from './diff-pages';

/** 200: a page of rows; 202: the cache went stale meanwhile and the job runs again. */
export type TDiffRowsAnswer = TDiffRowsResponse | TDiffJobState;

const ZDiffRowsAnswer: TSchema<TDiffRowsAnswer> = doneOrJobState(ZDiffRowsResponse);

export type TDiffRowsRequest = TDiffPageRequest & { table: TTableName; kind: TDiffKind };

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
  return queryOptions({
    ...diffPageCache('rows', [request.table, request.kind], request),
    queryFn: ({ signal }) => getDiffRows({ ...request, signal }),
  });
}

/** The pages of rows at `offsets` (see useDiffPages). */
export function useDiffRowPages(
  request: TDiffRowsRequest,
  offsets: readonly number[],
  fetchable: ReadonlySet<number>,
) {
  return useDiffPages(offsets, fetchable, (offset) => diffRowsQueryOptions({ ...request, offset }));
}
