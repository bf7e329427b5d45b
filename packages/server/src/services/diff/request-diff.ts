import type pg from 'pg';
import type {
  TDiffJobState,
  TDiffResponse,
  TDiffRow,
  TDiffRowsQuery,
  TDiffRowsResponse,
} from '@planning-hub/contracts/api/diff';
import { AppError } from '../../errors/app-error';
import type { InputSet, PrismaClient } from '../../generated/prisma/client';
import type { TMetrics } from '../../observability/metrics';
import { findRevision } from '../input-sets/resolve-ref';
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
import { diffJsonChunks } from './diff-json';
import { toDiffResult } from './diff-result';
import { diffJobId, isJobAbandoned, type TDiffJob, type TDiffJobData, type TDiffQueue } from './diff-queue';

export type TDiffServiceDeps = {
  prisma: Pick<PrismaClient, 'inputSet'>;
  pool: pg.Pool;
  queue: Pick<TDiffQueue, 'enqueue' | 'findJob' | 'deleteJob'>;
  metrics: Pick<TMetrics, 'diffCacheHits' | 'diffCacheStale'>;
  /** `<workDir>/tmp/input_set_diffs` */
  cacheDir: string;
};

export type TDiffPair = { ref: string; against: string; newer: InputSet; older: InputSet };

/**
 * The two revisions to compare. Without `against`, the ready revision of the same
 * label (DESIGN.md section 6), referenced by its plain label as a person would type it.
 */
export async function resolveDiffPair(
  deps: { prisma: Pick<PrismaClient, 'inputSet'> },
  { ref, against }: { ref: string; against?: string | undefined },
): Promise<TDiffPair> {
  const newer = await findRevision(deps, ref);
  if (against === undefined) {
    const ready = await deps.prisma.inputSet.findFirst({ where: { label: newer.label, status: 'ready' } });
    if (!ready) {
      throw new AppError('conflict', {
        message: `Input set '${ref}' has no ready revision to compare with.`,
        hint: `Name the other side: against=${newer.label}@r<N> (planning list shows the revisions).`,
      });
    }
    if (ready.id === newer.id) {
      throw new AppError('conflict', {
        message: `Input set '${ref}' is the ready revision itself; compare it with another revision.`,
        hint: `Name the other side: against=${newer.label}@draft or ${newer.label}@r<N>.`,
      });
    }
    return { ref, against: newer.label, newer, older: ready };
  }
  return { ref, against, newer, older: await findRevision(deps, against) };
}

function jobDataOf(pair: TDiffPair): TDiffJobData {
  return { ref: pair.ref, against: pair.against, refHash: pair.newer.contentHash, againstHash: pair.older.contentHash };
}

/**
 * The cache file when it matches both current content hashes (a hit). A file whose
 * hashes no longer match is stale: it is counted once and removed, so the next
 * requests see a plain miss while the recompute runs.
 */
async function readCurrentManifest(
  deps: TDiffServiceDeps,
  paths: TDiffCachePaths,
  data: TDiffJobData,
): Promise<TDiffManifest | null> {
  const read = await readDiffManifest(paths);
  if (read.status === 'missing') return null;
  if (read.status === 'ok' && (await isManifestCurrent(paths, read.manifest, data))) {
    deps.metrics.diffCacheHits.inc();
    return read.manifest;
  }
  deps.metrics.diffCacheStale.inc();
  await removeDiffManifest(paths);
  return null;
}

function toJobState(job: TDiffJob): TDiffJobState {
  const state = job.state === 'active' ? 'running' : job.state === 'failed' ? 'failed' : 'queued';
  const attempts = job.state === 'created' ? 0 : job.retryCount + 1;
  const maxAttempts = job.retryLimit + 1;
  const output = job.output as { message?: unknown } | null;
  const error = job.state !== 'created' && typeof output?.message === 'string' ? output.message : null;
  const hint =
    state === 'failed'
      ? `The diff failed after ${attempts} attempt(s); the log line input_set_diff_job_failed has the details. Ask again with retry=true to run it again.`
      : `The diff is ${state === 'running' ? 'running' : 'queued'}; ask again in a few seconds.`;
  return {
    state,
    jobId: job.id,
    ...job.data,
    attempts,
    maxAttempts,
    createdAt: new Date(job.createdOn).toISOString(),
    startedAt: job.startedOn ? new Date(job.startedOn).toISOString() : null,
    error,
    hint,
  };
}

type TCacheOrJob = { manifest: TDiffManifest; paths: TDiffCachePaths } | { job: TDiffJobState };

/**
 * The diff from the cache, or the background job that computes it: enqueued on the
 * first request (pg-boss, queue input-set-diff), again after the cache file was
 * deleted or went stale. A failed job stays failed until `retry` asks for a new run,
 * so that a polling page does not loop through failures.
 */
async function diffFromCacheOrJob(
  deps: TDiffServiceDeps,
  { ref, against, retry = false }: { ref: string; against?: string | undefined; retry?: boolean },
): Promise<TCacheOrJob> {
  const pair = await resolveDiffPair(deps, { ref, against });
  const data = jobDataOf(pair);
  const paths = diffCachePaths(deps.cacheDir, pair.ref, pair.against);
  const cached = await readCurrentManifest(deps, paths, data);
  if (cached) return { manifest: cached, paths };
  if (data.refHash === data.againstHash) {
    // Same content: nothing to compare, answered at once without reading the tables.
    return { manifest: await computeDiffToCache(deps, { ref: pair.ref, against: pair.against, paths }), paths };
  }

  const id = diffJobId(data);
  let job = await deps.queue.findJob(id);
  if (job?.state === 'completed') {
    // Finished between our cache read and now, or its file was deleted since.
    const landed = await readCurrentManifest(deps, paths, data);
    if (landed) return { manifest: landed, paths };
  }
  const isOver = job && (job.state === 'completed' || job.state === 'cancelled' || (job.state === 'failed' && retry));
  // A job whose API process died mid-diff is queued again at once.
  if (job && (isOver || (await isJobAbandoned(deps.pool, job)))) {
    await deps.queue.deleteJob(id);
    job = null;
  }
  if (!job) {
    await deps.queue.enqueue(data);
    job = await deps.queue.findJob(id);
  }
  if (!job) throw new AppError('unavailable', { message: 'The diff job could not be queued; try again.' });
  return { job: toJobState(job) };
}

/** GET /api/plans/input_sets/{ref}/diff: the summary (200) or the job state (202). */
export async function requestDiff(
  deps: TDiffServiceDeps,
  input: { ref: string; against?: string | undefined; retry?: boolean },
): Promise<TDiffResponse> {
  const outcome = await diffFromCacheOrJob(deps, input);
  return 'job' in outcome ? outcome.job : toDiffResult(outcome.manifest);
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

/** GET /api/plans/input_sets/{ref}/diff/rows: one page read from the cache's row files, or the job state. */
export async function requestDiffRows(
  deps: TDiffServiceDeps,
  { ref, query }: { ref: string; query: TDiffRowsQuery },
): Promise<TDiffRowsResponse | TDiffJobState> {
  const outcome = await diffFromCacheOrJob(deps, { ref, against: query.against });
  if ('job' in outcome) return outcome.job;
  const { manifest, paths } = outcome;
  const page = await readDiffRowsPage(paths, manifest, query);
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
