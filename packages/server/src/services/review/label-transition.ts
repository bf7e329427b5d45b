import type pg from 'pg';
import { tryLockLabel, withTransaction, type TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';

export type TTransitionSteps<TState, TResult> = {
  /**
   * Reads the state the transition needs and throws when it refuses it. Runs twice:
   * before the lock (`locked: false`) and again under it (`locked: true`, rows FOR UPDATE).
   */
  check: (client: TSqlClient, mode: { locked: boolean }) => Promise<TState>;
  /** Writes the change and its events; only ever runs under the lock, after a passing check. */
  apply: (client: TSqlClient, state: TState) => Promise<TResult>;
};

/**
 * Runs one state change of a label in one transaction holding the label's lock.
 * The lock is tried, not waited for: a second reviewer clicking at the same time
 * gets a 409 at once instead of applying a decision made on a stale page. The
 * state is checked before the lock too, so that a request bound to fail (a revert
 * while a draft exists) never makes a valid concurrent one lose the lock race.
 */
export async function withLabelTransition<TState, TResult>(
  pool: pg.Pool,
  label: string,
  { check, apply }: TTransitionSteps<TState, TResult>,
): Promise<TResult> {
  return withTransaction(pool, async (client) => {
    await check(client, { locked: false });
    if (!(await tryLockLabel(client, label))) {
      throw new AppError('conflict', 'error.review.busy', { label });
    }
    // READ COMMITTED: this re-read sees whatever the previous lock holder committed.
    const state = await check(client, { locked: true });
    return apply(client, state);
  });
}
