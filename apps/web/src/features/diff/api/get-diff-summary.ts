import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TDiffDimension,
  type TDiffJobState,
  type TMeasuredTable,
} from '@planning-hub/contracts/api/diff';
import { ZDiffSummaryResponse, type TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { doneOrJobState } from './diff-answer';

/** 200: the summary; 202: the cache went stale meanwhile and the job runs again. */
export type TDiffSummaryAnswer = TDiffSummaryResponse | TDiffJobState;

const ZDiffSummaryAnswer: TSchema<TDiffSummaryAnswer> = doneOrJobState(ZDiffSummaryResponse);

export type TDiffSummaryRequest = {
  ref: string;
  against: string | undefined;
  table: TMeasuredTable;
  column: string;
  by: TDiffDimension;
  sort: 'abs_delta' | 'key';
  limit: number;
  /** `table.column:0.5%` or `table.column:10`, one per column limit. */
  tolerance: readonly string[];
  /** Not sent: the two content hashes make an answer cacheable for good. */
  refHash: string;
  againstHash: string;
};

/** The summary URL with its query; `tolerance` repeats, which apiRequest's query cannot say. */
export function diffSummaryUrl(request: TDiffSummaryRequest): string {
  const params = new URLSearchParams();
  if (request.against) params.set('against', request.against);
  params.set('table', request.table);
  params.set('column', request.column);
  params.set('by', request.by);
  params.set('sort', request.sort);
  params.set('limit', String(request.limit));
  for (const text of request.tolerance) params.append('tolerance', text);
  return `${API.diffSummary(request.ref)}?${params.toString()}`;
}

/** GET API.diffSummary(ref): "What moved", the totals of every quantity column and one table's groups. */
export function getDiffSummary(
  request: TDiffSummaryRequest & { signal?: AbortSignal },
): Promise<TDiffSummaryAnswer> {
  return apiRequest(diffSummaryUrl(request), { schema: ZDiffSummaryAnswer, signal: request.signal });
}

export function diffSummaryQueryOptions(request: TDiffSummaryRequest) {
  const { ref, against, refHash, againstHash, table, column, by, sort, limit, tolerance } = request;
  return queryOptions({
    queryKey: [
      'diff',
      ref,
      against ?? null,
      'summary',
      refHash,
      againstHash,
      table,
      column,
      by,
      sort,
      limit,
      [...tolerance],
    ],
    queryFn: ({ signal }) => getDiffSummary({ ...request, signal }),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** The summary; while another grouping or tolerance loads, the previous answer stays on screen. */
export function useDiffSummary(request: TDiffSummaryRequest) {
  return useQuery({ ...diffSummaryQueryOptions(request), placeholderData: keepPreviousData });
}
