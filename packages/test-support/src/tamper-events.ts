import type pg from 'pg';

/**
 * Tampering as only someone holding the database can: in one transaction with the
 * append-only trigger of planning_input_set_events switched off (docs/design.md section 5).
 */
export async function withEventTriggersOff(
  pool: pg.Pool,
  change: (client: pg.PoolClient) => Promise<unknown>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL');
    await change(client);
    await client.query('ALTER TABLE planning_input_set_events ENABLE TRIGGER ALL');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
