import { createHash } from 'node:crypto';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { diffCacheName } from '@planning-hub/core/diff/diff-cache-name';
import type { TConfig } from '../../config/env';
import type { TLogger } from '../../observability/logger';

/** The durable queue of diff jobs (pg-boss keeps it in its own schema `pgboss`). */
export const DIFF_QUEUE = 'input-set-diff';

export type TDiffJobData = { ref: string; against: string; refHash: string; againstHash: string };
export type TDiffJob = PgBoss.JobWithMetadata<TDiffJobData>;

/** A long diff must not be cut off: 1M vs 1M rows takes seconds, this leaves ample room. */
const JOB_EXPIRE_SECONDS = 60 * 60;

/**
 * One job per (ref, against, both content hashes): the id is derived from them, so
 * concurrent first requests insert the same id and pg-boss keeps one (ON CONFLICT
 * DO NOTHING). New content gives a new id, hence a new job.
 */
export function diffJobId({ ref, against, refHash, againstHash }: TDiffJobData): string {
  const hex = createHash('sha256').update(`${ref}\n${against}\n${refHash}\n${againstHash}`).digest('hex');
  // Shaped as a name-based UUID (version 5 bits, RFC 4122 variant): pg-boss stores ids as uuid.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A job that started this long ago without its worker's lock has lost its worker. */
const ABANDONED_AFTER_SECONDS = 10;

const jobLockKey = (jobId: string) => `input_set_diff_job:${jobId}`;

/**
 * Runs `work` holding a session lock named after the job, on a connection of its
 * own: if this process dies, PostgreSQL drops the connection and with it the lock,
 * which is how another process tells a running job from an abandoned one.
 */
export async function holdingJobLock<T>(pool: pg.Pool, jobId: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [jobLockKey(jobId)]);
    return await work();
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [jobLockKey(jobId)])
      .catch((error: Error) => {
        failure = error;
      });
    client.release(failure);
  }
}

/**
 * Whether an active job lost its worker (the process was killed mid-diff): pg-boss
 * would only expire it after JOB_EXPIRE_SECONDS, showing "running" all that time.
 */
export async function isJobAbandoned(
  pool: pg.Pool,
  job: Pick<TDiffJob, 'id' | 'state' | 'startedOn'>,
): Promise<boolean> {
  if (job.state !== 'active' || !job.startedOn) return false;
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ settled: boolean; free: boolean }>(
      `SELECT now() - $2::timestamptz > make_interval(secs => $3) AS settled,
              pg_try_advisory_lock(hashtextextended($1, 0)) AS free`,
      [jobLockKey(job.id), job.startedOn, ABANDONED_AFTER_SECONDS],
    );
    if (rows[0]!.free)
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [jobLockKey(job.id)]);
    return rows[0]!.settled && rows[0]!.free;
  } finally {
    client.release();
  }
}

export type TDiffQueue = ReturnType<typeof createDiffQueue>;

/**
 * pg-boss on the runtime's own pool (no second pool). `supervise` runs pg-boss
 * maintenance (expiring jobs of a dead worker, archiving): the worker's instance
 * does it, the API's send-only instance does not. Started lazily, once.
 */
export function createDiffQueue({
  pool,
  config,
  logger,
  supervise,
}: {
  pool: pg.Pool;
  config: Pick<TConfig, 'diffRetryLimit' | 'diffRetryDelaySeconds'>;
  logger: TLogger;
  supervise: boolean;
}) {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    supervise,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error) => logger.warn({ err: error, queue: DIFF_QUEUE }, 'pg-boss error'));
  let starting: Promise<void> | undefined;

  function ready(): Promise<void> {
    starting ??= (async () => {
      await boss.start();
      await boss.createQueue(DIFF_QUEUE);
    })().catch((error: unknown) => {
      starting = undefined;
      throw error;
    });
    return starting;
  }

  return {
    boss,
    ready,
    /** Enqueues the job unless one with the same id exists; returns the id either way. */
    async enqueue(data: TDiffJobData): Promise<string> {
      await ready();
      const id = diffJobId(data);
      await boss.send(DIFF_QUEUE, data, {
        id,
        singletonKey: diffCacheName(data.ref, data.against),
        retryLimit: config.diffRetryLimit,
        retryDelay: config.diffRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      });
      return id;
    },
    async findJob(id: string): Promise<TDiffJob | null> {
      await ready();
      return boss.getJobById<TDiffJobData>(DIFF_QUEUE, id);
    },
    async deleteJob(id: string): Promise<void> {
      await ready();
      await boss.deleteJob(DIFF_QUEUE, id);
    },
    /** Waits for a running diff (up to `timeoutMs`), then fails it so that it is retried elsewhere. */
    async stop(timeoutMs = 30_000): Promise<void> {
      if (!starting) return;
      await starting.catch(() => {});
      await boss.stop({ graceful: true, close: false, timeout: timeoutMs });
    },
  };
}
