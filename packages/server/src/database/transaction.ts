import type pg from 'pg';

export type TSqlClient = pg.PoolClient;

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: TSqlClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Serialises every state change of one label for the rest of the transaction:
 * uploads, transitions and event appends on the same label queue up here.
 */
export async function lockLabel(client: TSqlClient, label: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0))", [label]);
}

/** Like lockLabel, but gives up at once: a concurrent transition on the label answers 409. */
export async function tryLockLabel(client: TSqlClient, label: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0)) AS locked",
    [label],
  );
  return rows[0]?.locked === true;
}
