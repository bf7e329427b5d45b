import { hideServerPaths } from '@planning-hub/core/text/hide-server-paths';
import type { TRuntime } from '../../runtime';
import { computeDiffToCache } from './compute-diff';
import { diffCacheDir, diffCachePaths, isManifestCurrent, readDiffManifest } from './diff-cache';
import { DIFF_QUEUE, createDiffQueue, holdingJobLock, type TDiffJob, type TDiffJobData } from './diff-queue';

type TWorkerRuntime = Pick<TRuntime, 'config' | 'logger' | 'db' | 'metrics'>;

/**
 * Runs one diff job. A final failure (retries exhausted) logs the runbook's
 * `input_set_diff_job_failed` line and counts `input_set_diff_jobs_total{result="failure"}`;
 * earlier failures are retried by pg-boss with backoff.
 */
async function runDiffJob(runtime: TWorkerRuntime, job: TDiffJob): Promise<object> {
  const { config, logger, db, metrics } = runtime;
  const { ref, against } = job.data;
  const started = Date.now();
  try {
    const paths = diffCachePaths(diffCacheDir(config.tmpDir), ref, against);
    // Another job (or the CLI) may already have written exactly this content.
    const cached = await readDiffManifest(paths);
    if (cached.status === 'ok' && (await isManifestCurrent(paths, cached.manifest, job.data))) {
      metrics.diffJobs.inc({ result: 'success' });
      return { totals: cached.manifest.totals, reused: true };
    }
    const manifest = await computeDiffToCache({ pool: db.pool }, { ref, against, paths });
    metrics.diffJobs.inc({ result: 'success' });
    logger.info(
      { label: ref, against, jobId: job.id, totals: manifest.totals, durationMs: Date.now() - started },
      'input_set_diff_job_done',
    );
    return { totals: manifest.totals };
  } catch (error) {
    const attempt = job.retryCount + 1;
    if (job.retryCount >= job.retryLimit) {
      metrics.diffJobs.inc({ result: 'failure' });
      logger.error({ label: ref, against, error: String(error), jobId: job.id, attempts: attempt }, 'input_set_diff_job_failed');
    } else {
      logger.warn({ label: ref, against, error: String(error), jobId: job.id, attempt }, 'input_set_diff_job_retrying');
    }
    // pg-boss keeps what is thrown as the job's output, which viewers read as `error`:
    // paths as the runbook names them (relative to the work folder), the log has them in full.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(hideServerPaths(message, [{ dir: config.workDir, shownAs: '' }]), { cause: error });
  }
}

export type TDiffWorker = { stop: () => Promise<void> };

/**
 * The diff worker of this process (started by apps/api/src/server.ts). Jobs wait in
 * PostgreSQL, so several API processes share the work and a restart loses none.
 * `stop` waits for a running diff, then hands unfinished work back to the queue.
 */
export async function startDiffWorker(runtime: TWorkerRuntime): Promise<TDiffWorker> {
  const queue = createDiffQueue({ pool: runtime.db.pool, config: runtime.config, logger: runtime.logger, supervise: true });
  await queue.ready();
  await queue.boss.work<TDiffJobData>(
    DIFF_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: runtime.config.diffPollIntervalSeconds },
    async ([job]) => (job ? holdingJobLock(runtime.db.pool, job.id, () => runDiffJob(runtime, job)) : undefined),
  );
  return { stop: () => queue.stop() };
}
