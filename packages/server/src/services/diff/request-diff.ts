import type pg from 'pg';
import type {
  TDiffJobState,
  TDiffResponse,
  TDiffRow,
  TDiffRowsQuery,
  TDiffRowsResponse,
} from '@planning-hub/contracts/api/diff';
import { AppError, hintOf } from '../../errors/app-error';
import type { InputSet, PrismaClient } from '../../generated/prisma/client';
import type { TMetrics } from '../../observability/metrics';
import {
  findReadyRevision,
  findRevisionBefore,
  findRevisionByRef,
  refOf,
} from '../../data/input-set-revisions';
import { computeDiffToCache } from './compute-diff';
import {
  diffCachePaths,
  isManifestCurrent,
  readDiffManifest,
  readDiffRowsPage,
  removeDiffManifest,
  type TDiffCachePaths,
  type TDiffManifest,
} from './diff-cache';
import { isFailureFor, type TDiffFailureRecord } from './diff-failure-record';
import { diffJsonChunks } from './diff-json';
import { hasRowFilters, rowFiltersOf, selectDiffRows } from './diff-row-select';
import { diffCacheFileShown, toDiffResult } from './diff-result';
import { diffJobId, isJobAbandoned, type TDiffJob, type TDiffJobData, type TDiffQueue } from './diff-queue';
import { countDiffWorkers } from './diff-worker-presence';

export type TDiffServiceDeps = {
  prisma: Pick<PrismaClient, 'inputSet'>;
  pool: pg.Pool;
  queue: Pick<TDiffQueue, 'enqueue' | 'findJob' | 'deleteJob'>;
  metrics: Pick<TMetrics, 'diffCacheHits' | 'diffCacheStale' | 'diffJobs'>;
  /** `<workDir>/tmp/input_set_diffs` */
  cacheDir: string;
};

export type TDiffPair = { ref: string; against: string; newer: InputSet; older: InputSet };

/**
 * The other side when the request names none (docs/design.md section 6), decided here
 * alone: a draft is compared with the label's ready revision, named by its plain label
 * as a person would type it; a ready or archived revision (or a draft of a label without
 * a ready one) with the revision before it. A first revision has nothing to compare with.
 */
async function findDefaultAgainst(
  pool: pg.Pool,
  { ref, newer }: { ref: string; newer: InputSet },
): Promise<{ against: string; older: InputSet }> {
  if (newer.status === 'draft') {
    const ready = await findReadyRevision(pool, newer.label);
    if (ready) return { against: newer.label, older: ready };
  }
  const previous = await findRevisionBefore(pool, newer.label, newer.revision);
  if (previous) return { against: refOf(previous), older: previous };
  throw new AppError(
    'conflict',
    'error.diff.nothing_to_compare',
    { ref },
    {
      hint:
        newer.status === 'draft'
          ? hintOf('hint.diff.name_revision', { label: newer.label })
          : hintOf('hint.diff.name_draft_or_revision', { label: newer.label }),
    },
  );
}

/**
 * The two revisions to compare: `against` as the request names it, or the server's
 * default (findDefaultAgainst). Every diff answer carries both references chosen here.
 */
export async function resolveDiffPair(
  deps: { pool: pg.Pool },
  { ref, against }: { ref: string; against?: string | undefined },
): Promise<TDiffPair> {
  const newer = await findRevisionByRef(deps.pool, ref);
  if (against !== undefined) {
    return { ref, against, newer, older: await findRevisionByRef(deps.pool, against) };
  }
  return { ref, newer, ...(await findDefaultAgainst(deps.pool, { ref, newer })) };
}

function jobDataOf(pair: TDiffPair): TDiffJobData {
  return {
    ref: pair.ref,
    against: pair.against,
    refHash: pair.newer.contentHash,
    againstHash: pair.older.contentHash,
  };
}

type TCacheRead = { manifest: TDiffManifest } | { failure: TDiffFailureRecord } | null;

/**
 * What the cache file holds for these content hashes: the diff, the failure record of
 * its job, or nothing. A diff whose hashes no longer match is stale: it is counted once
 * and removed, so the next requests see a plain miss while the recompute runs. The
 * failure record of older content is removed without counting (nothing was cached).
 */
async function readCache(
  deps: TDiffServiceDeps,
  paths: TDiffCachePaths,
  data: TDiffJobData,
): Promise<TCacheRead> {
  const read = await readDiffManifest(paths);
  if (read.status === 'missing') return null;
  if (read.status === 'ok' && (await isManifestCurrent(paths, read.manifest, data)))
    return { manifest: read.manifest };
  if (read.status === 'failed' && isFailureFor(read.failure, data)) return { failure: read.failure };
  if (read.status !== 'failed') deps.metrics.diffCacheStale.inc();
  await removeDiffManifest(paths);
  return null;
}

/** The worker said it could not leave a failure record (request-diff keeps such a job failed until retry). */
const isFailureUnrecorded = (job: TDiffJob) =>
  (job.output as { failureRecorded?: unknown } | null)?.failureRecorded === false;

function toJobState(
  job: TDiffJob,
  { workers, cacheFile, pair }: { workers: number; cacheFile: string; pair: TDiffPair },
): TDiffJobState {
  const state = job.state === 'active' ? 'running' : job.state === 'failed' ? 'failed' : 'queued';
  const attempts = job.state === 'created' ? 0 : job.retryCount + 1;
  const maxAttempts = job.retryLimit + 1;
  const output = job.output as { message?: unknown } | null;
  const error = job.state !== 'created' && typeof output?.message === 'string' ? output.message : null;
  let hint: string;
  if (state === 'failed') {
    const failed = `The diff failed after ${attempts} attempt(s); the log line input_set_diff_job_failed has the details.`;
    hint = isFailureUnrecorded(job)
      ? `${failed} Ask again with retry=true to run it again.`
      : `${failed} To run it again: delete ${cacheFile} and reload the Diff tab, or ask again with retry=true.`;
  } else if (state === 'running') {
    hint = 'The diff is running; ask again in a few seconds.';
  } else if (workers === 0) {
    hint =
      'The diff is queued, but no diff worker is running: it starts when a process with SERVER_ROLE=worker (or all) runs on this database.';
  } else {
    hint = 'The diff is queued; ask again in a few seconds.';
  }
  return {
    state,
    jobId: job.id,
    ...job.data,
    refRevision: pair.newer.revision,
    againstRevision: pair.older.revision,
    attempts,
    maxAttempts,
    createdAt: new Date(job.createdOn).toISOString(),
    startedAt: job.startedOn ? new Date(job.startedOn).toISOString() : null,
    error,
    hint,
  };
}

/** Whether a job is done with for good: finished, cancelled, or failed with nothing to keep it so. */
async function isJobOver(
  deps: TDiffServiceDeps,
  { job, paths, data, retry }: { job: TDiffJob; paths: TDiffCachePaths; data: TDiffJobData; retry: boolean },
): Promise<boolean> {
  if (job.state === 'completed' || job.state === 'cancelled') return true;
  if (job.state !== 'failed') return false;
  if (retry) return true;
  if (isFailureUnrecorded(job)) return false;
  // Read again now that the job is seen failed: the worker writes the record before it fails the job.
  const cache = await readCache(deps, paths, data);
  return !(cache && 'failure' in cache);
}

export type TCacheOrJob =
  { manifest: TDiffManifest; paths: TDiffCachePaths; isFromCache: boolean } | { job: TDiffJobState };

/**
 * The diff from the cache, or the background job that computes it: enqueued on the
 * first request (pg-boss, queue input-set-diff), again after the cache file was
 * deleted or went stale. A failed job stays failed while its failure record sits in
 * the cache file's place, so that a polling page does not loop through failures;
 * deleting that file (the runbook's recovery) or `retry` runs it again.
 */
export async function diffFromCacheOrJob(
  deps: TDiffServiceDeps,
  { ref, against, retry = false }: { ref: string; against?: string | undefined; retry?: boolean },
): Promise<TCacheOrJob> {
  const pair = await resolveDiffPair(deps, { ref, against });
  const data = jobDataOf(pair);
  const paths = diffCachePaths(deps.cacheDir, pair.ref, pair.against);
  const cached = await readCache(deps, paths, data);
  if (cached && 'manifest' in cached) return { manifest: cached.manifest, paths, isFromCache: true };
  if (data.refHash === data.againstHash) {
    // Same content: nothing to compare, answered at once without reading the tables (and counted as a success).
    const manifest = await computeDiffToCache(deps, { ref: pair.ref, against: pair.against, paths });
    deps.metrics.diffJobs.inc({ result: 'success' });
    return { manifest, paths, isFromCache: false };
  }

  const id = diffJobId(data);
  let job = await deps.queue.findJob(id);
  if (job?.state === 'completed') {
    // Finished between our cache read and now, or its file was deleted since.
    const landed = await readCache(deps, paths, data);
    if (landed && 'manifest' in landed) return { manifest: landed.manifest, paths, isFromCache: true };
  }
  // A job whose worker died mid-diff is queued again at once.
  if (
    job &&
    ((await isJobOver(deps, { job, paths, data, retry })) || (await isJobAbandoned(deps.pool, job)))
  ) {
    await deps.queue.deleteJob(id);
    job = null;
  }
  if (!job) {
    if (retry && cached) await removeDiffManifest(paths);
    await deps.queue.enqueue(data);
    job = await deps.queue.findJob(id);
  }
  if (!job) throw new AppError('unavailable', 'error.diff.not_queued', {});
  const workers = job.state === 'created' || job.state === 'retry' ? await countDiffWorkers(deps.pool) : 1;
  return { job: toJobState(job, { workers, cacheFile: diffCacheFileShown(pair.ref, pair.against), pair }) };
}

/**
 * GET /api/plans/input_sets/{ref}/diff: the summary (200) or the job state (202).
 * The one place a cache hit is counted: once per summary answered from a cache file,
 * not per rows page, export or poll (README, Operations).
 */
export async function requestDiff(
  deps: TDiffServiceDeps,
  input: { ref: string; against?: string | undefined; retry?: boolean },
): Promise<TDiffResponse> {
  const outcome = await diffFromCacheOrJob(deps, input);
  if ('job' in outcome) return outcome.job;
  if (outcome.isFromCache) deps.metrics.diffCacheHits.inc();
  return toDiffResult(outcome.manifest);
}

/**
 * GET /api/plans/input_sets/{ref}/diff/export: the whole diff as JSON text in pieces
 * (diffJsonChunks), or the job state while it is computed. Starts the job like GET .../diff.
 */
export async function requestDiffExport(
  deps: TDiffServiceDeps,
  input: { ref: string; against?: string | undefined },
): Promise<{ job: TDiffJobState } | { chunks: AsyncGenerator<string> }> {
  const outcome = await diffFromCacheOrJob(deps, input);
  return 'job' in outcome ? outcome : { chunks: diffJsonChunks(outcome.manifest, outcome.paths) };
}

/**
 * GET /api/plans/input_sets/{ref}/diff/rows: one page read from the cache's row files, or
 * the job state. Without filters, in key order by seeking in the row file; with filters
 * or |Δ| order, the rows the row index picks (diff-row-select.ts).
 */
export async function requestDiffRows(
  deps: TDiffServiceDeps,
  { ref, query }: { ref: string; query: TDiffRowsQuery },
): Promise<TDiffRowsResponse | TDiffJobState> {
  const outcome = await diffFromCacheOrJob(deps, { ref, against: query.against });
  if ('job' in outcome) return outcome.job;
  const { manifest, paths } = outcome;
  const filters = rowFiltersOf(query);
  const page = hasRowFilters(filters)
    ? await selectDiffRows(paths, manifest, {
        sources: [query],
        filters,
        offset: query.offset,
        limit: query.limit,
      }).then(({ total, rows }) => ({ total, rows: rows.map((entry) => entry.row) }))
    : await readDiffRowsPage(paths, manifest, query);
  return {
    state: 'done',
    ref: manifest.ref,
    against: manifest.against,
    table: query.table,
    kind: query.kind,
    total: page.total,
    offset: query.offset,
    rows: page.rows as TDiffRow[],
  };
}
