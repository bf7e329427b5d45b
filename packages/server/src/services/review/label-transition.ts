import type pg from 'pg';
import { tryLockLabel, withTransaction, type TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';

/**
 * Runs one state change of a label in one transaction holding the label's lock.
 * The lock is tried, not waited for: a second reviewer clicking at the same time
 * gets a 409 at once instead of applying a decision made on a stale page.
 */
export async function withLabelTransition<T>(
  pool: pg.Pool,
  label: string,
  work: (client: TSqlClient) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, async (client) => {
    if (!(await tryLockLabel(client, label))) {
      throw new AppError('conflict', {
        message: `Another change to '${label}' is in progress; reload and try again.`,
      });
    }
    return work(client);
  });
}
