import { queryOptions, useQueries } from '@tanstack/react-query';
import {
  ZDiffChangesResponse,
  type TDiffChangesResponse,
  type TDiffJobState,
  type TDiffKind,
} from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { rowFilterQuery, type TRowFilterState } from '../diff-rules';
import { doneOrJobState } from './diff-answer';

/** 200: a page of "All changes"; 202: the cache went stale meanwhile and the job runs again. */
export type TDiffChangesAnswer = TDiffChangesResponse | TDiffJobState;

const ZDiffChangesAnswer: TSchema<TDiffChangesAnswer> = doneOrJobState(ZDiffChangesResponse);

export type TDiffChangesRequest = {
  ref: string;
  against: string | undefined;
  /** Undefined: every table (or kind). */
  table: TTableName | undefined;
  kind: TDiffKind | undefined;
  filters: TRowFilterState;
  limit: number;
  /** Not sent: the two content hashes make a page cacheable for good. */
  refHash: string;
  againstHash: string;
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
  const { ref, against, table, kind, filters, offset, limit, refHash, againstHash } = request;
  return queryOptions({
    queryKey: [
      'diff',
      ref,
      against ?? null,
      'changes',
      refHash,
      againstHash,
      table ?? null,
      kind ?? null,
      filters,
      offset,
      limit,
    ],
    queryFn: ({ signal }) => getDiffChanges({ ...request, signal }),
    staleTime: Infinity,
    gcTime: 2 * 60_000,
  });
}

/** The pages at `offsets`; pages not in `fetchable` are read from the cache only (see useDiffRowPages). */
export function useDiffChangePages(
  request: TDiffChangesRequest,
  offsets: readonly number[],
  fetchable: ReadonlySet<number>,
) {
  return useQueries({
    queries: offsets.map((offset) => ({
      ...diffChangesQueryOptions({ ...request, offset }),
      enabled: fetchable.has(offset),
    })),
  });
}
