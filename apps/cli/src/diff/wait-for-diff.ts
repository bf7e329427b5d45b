import { setTimeout as sleep } from 'node:timers/promises';
import {
  ZDiffJobState,
  ZDiffResponse,
  type TDiffJobState,
  type TDiffResult,
} from '@planning-hub/contracts/api/diff';
import { API } from '@planning-hub/contracts/api/routes';
import type { TApiClient, TSendOptions } from '../api/api-client';
import type { THttpResponse } from '../api/http-transport';
import { CliError } from '../cli-errors';
import { formatDiffJobState } from '../format-diff';

const POLL_MS = 1000;

/** The job's state on stderr while waiting, when stderr is a terminal. */
export function showState(job: TDiffJobState | null): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r${job ? formatDiffJobState(job) : ''}\x1b[K`);
}

/** A job that failed for good: its error and the server's hint, exit 1. */
export function failedJob(job: TDiffJobState): CliError {
  return new CliError(
    `the diff of '${job.ref}' against '${job.against}' failed after ${job.attempts} attempt(s): ${job.error ?? 'no reason given'}`,
    {
      hint: job.hint,
    },
  );
}

/**
 * Asks the server's diff job (docs/runbook.ja.md section 6) until it is done: 200 with the result,
 * 202 while it is queued or running (asked again every second), a failed job as an error.
 */
export async function waitForDiff(
  api: TApiClient,
  { ref, against }: { ref: string; against: string },
): Promise<TDiffResult> {
  try {
    for (;;) {
      const answer = await api.getJson(API.diff(ref), ZDiffResponse, { against });
      if (answer.state === 'done') return answer;
      if (answer.state === 'failed') throw failedJob(answer);
      showState(answer);
      await sleep(POLL_MS);
    }
  } finally {
    showState(null);
  }
}

/**
 * GET .../diff/export once the diff is computed: the whole diff document (rows included)
 * as a stream, to be copied as it comes.
 */
export async function openDiffExport(
  api: TApiClient,
  { ref, against }: { ref: string; against: string },
): Promise<THttpResponse> {
  return requestUntilDone(api, API.diffExport(ref), { against });
}

/**
 * GET `path` until the diff job behind it is done: the 200 response, a 202 (queued or
 * running) asked again every second, a failed job as an error.
 */
export async function requestUntilDone(
  api: TApiClient,
  path: string,
  query: TSendOptions['query'],
): Promise<THttpResponse> {
  try {
    for (;;) {
      const response = await api.request(path, { query });
      if (response.status === 200) return response;
      const job = await api.parseJson(response, ZDiffJobState);
      if (job.state === 'failed') throw failedJob(job);
      showState(job);
      await sleep(POLL_MS);
    }
  } finally {
    showState(null);
  }
}
