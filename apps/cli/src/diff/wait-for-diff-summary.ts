import type { TDiffDimension, TMeasuredTable } from '@planning-hub/contracts/api/diff';
import { ZDiffSummaryResponse, type TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { formatToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';
import { DIFF_OPERATIONS } from '@planning-hub/contracts/api/operations/diff';
import { API } from '@planning-hub/contracts/api/routes';
import type { TApiClient } from '../api/api-client';
import { parseOptions } from '../options/parse-options';
import { requestUntilDone } from './wait-for-diff';

export type TMovedRequest = { table: TMeasuredTable; by: TDiffDimension; tolerance: string[]; top: number };

/**
 * `--by`, `--table`, `--tolerance` and `--top` of `planning export --diff-against`, parsed
 * with GET .../diff/summary's query before anything is asked.
 */
export function movedRequestOf(options: {
  by: string;
  table?: string;
  tolerance?: string[];
  top?: string;
}): TMovedRequest {
  const query = parseOptions(DIFF_OPERATIONS.getDiffSummary.query, {
    by: ['--by', options.by],
    table: ['--table', options.table],
    tolerance: ['--tolerance', options.tolerance ?? []],
    limit: ['--top', options.top ?? '10'],
  });
  return {
    table: query.table,
    by: query.by,
    tolerance: formatToleranceParams(query.tolerance ?? {}),
    top: query.limit,
  };
}

/**
 * GET .../diff/summary ("What moved") once the server's diff job is done: the totals of
 * every quantity column and the top movers by one key column; asked again every second while 202.
 */
export async function waitForDiffSummary(
  api: TApiClient,
  { ref, against }: { ref: string; against: string },
  request: TMovedRequest,
): Promise<TDiffSummaryResponse> {
  // Repeated parameters go in the path: the client's query sets one value per name.
  const tolerances = request.tolerance.map((text) => `tolerance=${encodeURIComponent(text)}`).join('&');
  const path = `${API.diffSummary(ref)}${tolerances ? `?${tolerances}` : ''}`;
  const query = { against, table: request.table, by: request.by, limit: request.top };
  return api.parseJson(await requestUntilDone(api, path, query), ZDiffSummaryResponse);
}
