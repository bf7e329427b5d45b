import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@planning-hub/contracts/api/policy';
import { useTestPool } from '@planning-hub/test-support/test-database';
import { COMPARING_QUERIES } from '../../src/services/checks/check-queries';

const ROWS = 2000;

async function insertRevision(client: pg.PoolClient, label: string, factor: number): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     VALUES ($1, 1, 'draft', 'v1', '', '{}', 'test') RETURNING id`,
    [label],
  );
  const id = rows[0]!.id;
  await client.query(
    `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity)
     SELECT $1, 'ITEM-' || (g % 100), 'LOC-' || (g / 100), '2027-W01', CASE WHEN g = 7 THEN 10 * $3 ELSE 10 END
       FROM generate_series(1, $2::int) AS g`,
    [id, ROWS, factor],
  );
  return id;
}

describe('quantity_outlier on rows the planner has no statistics for', () => {
  const db = useTestPool();

  it('joins the two revisions without a nested loop, and finds the outlier', async () => {
    const client = await db.pool.connect();
    try {
      // Statistics that know other revisions only, as on a server in use.
      await insertRevision(client, 'older', 1);
      await client.query('ANALYZE planning_input_demand');
      await client.query('BEGIN');
      // Both revisions new to the statistics, as an import's draft (copied in its transaction) and a recent ready one.
      const readyId = await insertRevision(client, 'ready_one', 1);
      const draftId = await insertRevision(client, 'draft_one', 20);

      const plans: string[] = [];
      const explaining = new Proxy(client, {
        get(target, name, receiver) {
          if (name !== 'query') return Reflect.get(target, name, receiver) as unknown;
          return async (text: string, values?: unknown[]) => {
            if (text.includes('JOIN planning_input_demand')) {
              const { rows } = await target.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
              plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
            }
            return target.query(text, values);
          };
        },
      });
      const found = await COMPARING_QUERIES.quantity_outlier(
        { client: explaining, draftId, ready: { id: readyId, ref: 'ready_one@r1' }, limit: 200 },
        DEFAULT_POLICY.checks.quantity_outlier,
      );

      expect(plans).toHaveLength(1);
      expect(plans[0]).not.toContain('Nested Loop');
      expect(found.total).toBe(1);
      expect(found.findings[0]).toMatchObject({
        keyValues: ['ITEM-7', 'LOC-0', '2027-W01'],
        before: '10',
        after: '200',
      });
      // The setting is the transaction's own, and back to what it was for the statements after the check.
      const { rows } = await client.query<{ enable_nestloop: string }>('SHOW enable_nestloop');
      expect(rows[0]!.enable_nestloop).toBe('on');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
