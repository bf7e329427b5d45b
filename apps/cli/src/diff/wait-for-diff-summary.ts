import {
  DIFF_DIMENSIONS,
  MEASURED_TABLES,
  dimensionsOf,
  type TDiffDimension,
  type TMeasuredTable,
} from '@planning-hub/contracts/api/diff';
import {
  DIFF_SUMMARY_MAX_LIMIT,
  ZDiffSummaryResponse,
  type TDiffSummaryResponse,
} from '@planning-hub/contracts/api/diff-summary';
import { formatToleranceParams, parseToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';
import { API } from '@planning-hub/contracts/api/routes';
import type { TApiClient } from '../api/api-client';
import { CliError } from '../cli-errors';
import { requestUntilDone } from './wait-for-diff';

export type TMovedRequest = { table: TMeasuredTable; by: TDiffDimension; tolerance: string[]; top: number };

/** `--by`, `--table`, `--tolerance` and `--top` of `planning export --diff-against`, checked before anything is asked. */
export function movedRequestOf(options: {
  by: string;
  table?: string;
  tolerance?: string[];
  top?: string;
}): TMovedRequest {
  const table = options.table ?? 'demand';
  if (!(MEASURED_TABLES as readonly string[]).includes(table)) {
    throw new CliError(`--table ${table}: what moved is totalled for ${MEASURED_TABLES.join(', ')}.`);
  }
  const dimensions = dimensionsOf(table as TMeasuredTable);
  if (
    !(DIFF_DIMENSIONS as readonly string[]).includes(options.by) ||
    !dimensions.includes(options.by as TDiffDimension)
  ) {
    throw new CliError(`--by ${options.by}: ${table} is totalled by ${dimensions.join(', ')}.`);
  }
  const parsed = parseToleranceParams(options.tolerance ?? []);
  if ('error' in parsed) throw new CliError(`--tolerance ${parsed.error}`);
  const top = options.top === undefined ? 10 : Number(options.top);
  if (!Number.isInteger(top) || top < 1 || top > DIFF_SUMMARY_MAX_LIMIT) {
    throw new CliError(`--top ${options.top}: a whole number from 1 to ${DIFF_SUMMARY_MAX_LIMIT}.`);
  }
  return {
    table: table as TMeasuredTable,
    by: options.by as TDiffDimension,
    tolerance: formatToleranceParams(parsed.tolerance),
    top,
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
