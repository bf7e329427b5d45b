import { queryOptions } from '@tanstack/react-query';
import {
  ZDiffChangesResponse,
  type TDiffChangesResponse,
  type TDiffJobState,
  type TDiffKind,
} from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { rowFilterQuery } from '../diff-rules';
import { doneOrJobState } from './diff-answer';
import { diffPageCache, useDiffPages, type TDiffPageRequest } from './diff-pages';

/** 200: a page of "All changes"; 202: the cache went stale meanwhile and the job runs again. */
export type TDiffChangesAnswer = TDiffChangesResponse | TDiffJobState;

const ZDiffChangesAnswer: TSchema<TDiffChangesAnswer> = doneOrJobState(ZDiffChangesResponse);

export type TDiffChangesRequest = TDiffPageRequest & {
  /** Undefined: every table (or kind). */
  table: TTableName | undefined;
  kind: TDiffKind | undefined;
};

/** GET API.diffChanges(ref): one page of "All changes" across tables and kinds, filtered and ordered by the server. */
export function getDiffChanges({
  signal,
  offset,
  ...request
}: TDiffChangesRequest & { offset: number; signal?: AbortSignal }) {
  const { ref, against, table, kind, filters, limit } = request;
  return apiRequest(API.diffChanges(ref), {
    query: { against, table, kind, offset, limit, ...rowFilterQuery(filters) },
    schema: ZDiffChangesAnswer,
    signal,
  });
}

export function diffChangesQueryOptions(request: TDiffChangesRequest & { offset: number }) {
  return queryOptions({
    ...diffPageCache('changes', [request.table ?? null, request.kind ?? null], request),
    queryFn: ({ signal }) => getDiffChanges({ ...request, signal }),
  });
}

/** The pages of "All changes" at `offsets` (see useDiffPages). */
export function useDiffChangePages(
  request: TDiffChangesRequest,
  offsets: readonly number[],
  fetchable: ReadonlySet<number>,
) {
  return useDiffPages(offsets, fetchable, (offset) => diffChangesQueryOptions({ ...request, offset }));
}
