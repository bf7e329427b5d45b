import { createHash } from 'node:crypto';
import type pg from 'pg';
import PgBoss from 'pg-boss';
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
        singletonKey: `${data.ref}__${data.against}`,
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
