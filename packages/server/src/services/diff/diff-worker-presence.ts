import type pg from 'pg';
import type { TLogger } from '../../observability/logger';

/**
 * Every running diff worker holds this advisory lock in shared mode on a connection
 * of its own, for as long as it runs. pg_locks lists the holders, so any API process
 * can tell whether a queued diff will be picked up (SERVER_ROLE=api runs no worker);
 * a worker that dies drops its connection and with it the lock. Two int4 keys
 * ('plnh', 'diff'), so that pg_locks shows them as classid and objid.
 */
const PRESENCE_KEY = [0x706c6e68, 0x64696666] as const;
const REANNOUNCE_AFTER_MS = 5_000;

export type TWorkerPresence = { withdraw: () => Promise<void> };

/** Holds the presence lock until `withdraw`; holds it again after a lost connection. */
export async function announceDiffWorker(pool: pg.Pool, logger: TLogger): Promise<TWorkerPresence> {
  let client: pg.PoolClient | undefined;
  let isWithdrawn = false;
  let retry: NodeJS.Timeout | undefined;

  const onLost = (error: Error) => {
    client?.release(error);
    client = undefined;
    if (!isWithdrawn) retry = setTimeout(() => void hold().catch(onHoldFailed), REANNOUNCE_AFTER_MS).unref();
  };
  const onHoldFailed = (error: unknown) => {
    logger.warn(
      { err: error },
      'the diff worker could not announce itself; API processes may report no worker',
    );
    if (!isWithdrawn) retry = setTimeout(() => void hold().catch(onHoldFailed), REANNOUNCE_AFTER_MS).unref();
  };
  async function hold(): Promise<void> {
    const connection = await pool.connect();
    try {
      await connection.query('SELECT pg_advisory_lock_shared($1, $2)', [...PRESENCE_KEY]);
    } catch (error) {
      connection.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    connection.once('error', onLost);
    client = connection;
  }

  await hold();
  return {
    withdraw: async () => {
      isWithdrawn = true;
      clearTimeout(retry);
      const connection = client;
      client = undefined;
      if (!connection) return;
      connection.off('error', onLost);
      // Releasing the connection with an error closes it, which drops the lock as well.
      await connection.query('SELECT pg_advisory_unlock_shared($1, $2)', [...PRESENCE_KEY]).then(
        () => connection.release(),
        (error: Error) => connection.release(error),
      );
    },
  };
}

/** How many diff workers are connected to this database right now. */
export async function countDiffWorkers(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 2
        AND classid = $1::oid AND objid = $2::oid
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [...PRESENCE_KEY],
  );
  return rows[0]!.n;
}
