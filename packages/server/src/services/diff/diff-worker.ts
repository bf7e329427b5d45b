import { hideServerPaths } from '@planning-hub/core/text/hide-server-paths';
import type { TRuntime } from '../../runtime';
import { computeDiffToCache } from './compute-diff';
import {
  diffCacheDir,
  diffCachePaths,
  isManifestCurrent,
  readDiffManifest,
  type TDiffCachePaths,
} from './diff-cache';
import { writeDiffFailureRecord } from './diff-failure-record';
import { DIFF_QUEUE, createDiffQueue, holdingJobLock, type TDiffJob, type TDiffJobData } from './diff-queue';
import { announceDiffWorker } from './diff-worker-presence';

type TWorkerRuntime = Pick<TRuntime, 'config' | 'logger' | 'db' | 'metrics'>;

/**
 * The last attempt's failure, recorded where the cache file goes (diff-failure-record.ts),
 * unless a current diff landed there meanwhile (`planning export --diff-against`).
 * Answers whether it was written: if not, the failed job stays failed until retry=true.
 */
async function recordFailure(
  runtime: TWorkerRuntime,
  { job, paths, error }: { job: TDiffJob; paths: TDiffCachePaths; error: string },
): Promise<boolean> {
  try {
    const current = await readDiffManifest(paths);
    if (current.status === 'ok' && (await isManifestCurrent(paths, current.manifest, job.data))) return false;
    await writeDiffFailureRecord(paths, {
      ...job.data,
      jobId: job.id,
      attempts: job.retryCount + 1,
      error,
      failedAt: new Date().toISOString(),
    });
    return true;
  } catch (writeError) {
    runtime.logger.warn(
      { err: writeError, file: paths.manifestFile },
      'the failure of a diff job could not be recorded',
    );
    return false;
  }
}

/**
 * Runs one diff job. Every failed attempt counts `input_set_diff_jobs_total{result="failure"}`
 * (so that a diff that keeps failing reaches the runbook's "3 in 5 minutes" while pg-boss
 * still retries it); the last one also logs the runbook's `input_set_diff_job_failed` line
 * and leaves the failure record in the cache file's place.
 */
async function runDiffJob(runtime: TWorkerRuntime, job: TDiffJob): Promise<object> {
  const { config, logger, db, metrics } = runtime;
  const { ref, against } = job.data;
  const started = Date.now();
  const paths = diffCachePaths(diffCacheDir(config.tmpDir), ref, against);
  try {
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
    metrics.diffJobs.inc({ result: 'failure' });
    // pg-boss keeps what is thrown as the job's output, which viewers read as `error`:
    // paths as the runbook names them (relative to the work folder), the log has them in full.
    const message = error instanceof Error ? error.message : String(error);
    const shown = new Error(hideServerPaths(message, [{ dir: config.workDir, shownAs: '' }]), {
      cause: error,
    });
    if (job.retryCount >= job.retryLimit) {
      logger.error(
        { label: ref, against, error: String(error), jobId: job.id, attempts: attempt },
        'input_set_diff_job_failed',
      );
      // Kept in the job's output: request-diff.ts tells a deleted record from one never written.
      Object.assign(shown, {
        failureRecorded: await recordFailure(runtime, { job, paths, error: shown.message }),
      });
    } else {
      logger.warn(
        { label: ref, against, error: String(error), jobId: job.id, attempt },
        'input_set_diff_job_retrying',
      );
    }
    throw shown;
  }
}

export type TDiffWorker = { stop: () => Promise<void> };

/**
 * The diff worker of this process (apps/api/src/server.ts starts it unless SERVER_ROLE=api).
 * Jobs wait in PostgreSQL, so several processes share the work and a restart loses none;
 * while it runs, API processes see it (diff-worker-presence.ts). `stop` waits for a
 * running diff, then hands unfinished work back to the queue.
 */
export async function startDiffWorker(runtime: TWorkerRuntime): Promise<TDiffWorker> {
  const queue = createDiffQueue({
    pool: runtime.db.pool,
    config: runtime.config,
    logger: runtime.logger,
    supervise: true,
  });
  await queue.ready();
  await queue.boss.work<TDiffJobData>(
    DIFF_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: runtime.config.diffPollIntervalSeconds },
    async ([job]) =>
      job ? holdingJobLock(runtime.db.pool, job.id, () => runDiffJob(runtime, job)) : undefined,
  );
  const presence = await announceDiffWorker(runtime.db.pool, runtime.logger);
  return {
    stop: async () => {
      await presence.withdraw();
      await queue.stop();
    },
  };
}
