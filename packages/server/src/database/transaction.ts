import type pg from 'pg';

export type TSqlClient = pg.PoolClient;

/**
 * A ROLLBACK that has not answered by then waits behind something that will never end
 * (a COPY left open by a failure outside the database): the connection is dropped
 * instead, which ends the transaction and frees its locks just the same.
 */
const ROLLBACK_TIMEOUT_MS = 5000;

/** Rolls back; false when the connection is unusable (the caller must not pool it again). */
export async function rollBack(client: TSqlClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ROLLBACK_TIMEOUT_MS);
  });
  const rolledBack = client.query('ROLLBACK').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([rolledBack, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: TSqlClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!(await rollBack(client))) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // release(error) closes the connection rather than pooling it in an unknown state.
    client.release(broken);
  }
}

/** The bulk timeout of each pool that has session timeouts (set by createDatabaseClients). */
const BULK_TIMEOUTS = new WeakMap<pg.Pool, number>();

export function setBulkTimeout(pool: pg.Pool, timeoutMs: number): void {
  BULK_TIMEOUTS.set(pool, timeoutMs);
}

/**
 * Raises statement_timeout, lock_timeout and idle_in_transaction_session_timeout for
 * the rest of the transaction to the pool's bulk timeout (DB_BULK_STATEMENT_TIMEOUT_SECONDS):
 * COPY imports, diffs, exports and run snapshots of 10M rows run for minutes, while
 * every other statement keeps the short default. The pool carries the value, so that
 * every caller of a bulk service (API, CLI, tests) gets it.
 */
export async function useBulkTimeouts(client: TSqlClient, pool: pg.Pool): Promise<void> {
  const timeoutMs = BULK_TIMEOUTS.get(pool);
  if (timeoutMs === undefined) return;
  const ms = String(Math.round(timeoutMs));
  await client.query(
    `SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $1, true),
            set_config('idle_in_transaction_session_timeout', $1, true)`,
    [ms],
  );
}

/**
 * Runs `work` with server settings changed (planner switches such as enable_nestloop) and
 * puts the previous values back after it, also when it throws. `transaction`: the change
 * is local to the caller's transaction (set_config's is_local), which a rollback undoes
 * anyway; `session`: for a caller that need not be in a transaction. If putting back fails
 * the transaction is aborted, and its rollback puts the settings back.
 */
export async function withSettings<T>(
  client: TSqlClient,
  settings: Readonly<Record<string, string>>,
  scope: 'transaction' | 'session',
  work: () => Promise<T>,
): Promise<T> {
  const names = Object.keys(settings);
  const isLocal = scope === 'transaction';
  const set = (values: readonly string[]) =>
    client.query<Record<string, string>>(
      `SELECT ${names.map((_, i) => `current_setting($${2 * i + 1}) AS "${i}", set_config($${2 * i + 1}, $${2 * i + 2}, ${isLocal})`).join(', ')}`,
      names.flatMap((name, i) => [name, values[i]!]),
    );
  const { rows } = await set(names.map((name) => settings[name]!));
  try {
    return await work();
  } finally {
    await set(names.map((_, i) => rows[0]![String(i)]!)).catch(() => {});
  }
}

/**
 * Serialises every state change of one label for the rest of the transaction:
 * uploads, transitions and event appends on the same label queue up here.
 */
export async function lockLabel(client: TSqlClient, label: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0))", [
    label,
  ]);
}

/** Like lockLabel, but gives up at once: a concurrent transition on the label answers 409. */
export async function tryLockLabel(client: TSqlClient, label: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0)) AS locked",
    [label],
  );
  return rows[0]?.locked === true;
}
