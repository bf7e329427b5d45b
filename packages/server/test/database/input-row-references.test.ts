import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { describe, expect, it } from 'vitest';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { useTestPool } from '@planning-hub/test-support/test-database';

/**
 * The row tables reference their revision through statement-level triggers
 * (migration 20261125100737) instead of row-by-row foreign keys: the same rule.
 */
describe('row tables and their revision', () => {
  const db = useTestPool();

  async function createRevision(label: string): Promise<number> {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
       VALUES ($1, 1, 'draft', 'v1', '', '{}', 'test') RETURNING id`,
      [label],
    );
    return rows[0]!.id;
  }

  const demandCount = async (id: number) =>
    Number(
      (await db.pool.query('SELECT count(*) FROM planning_input_demand WHERE input_set_id = $1', [id]))
        .rows[0].count,
    );

  it('refuses rows of a revision that does not exist, by INSERT and by COPY, and keeps none of them', async () => {
    const id = await createRevision('refs_insert');
    const insert = db.pool.query(
      `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity)
       VALUES ($1, 'A', 'L', '2027-01', 1), ($2, 'B', 'L', '2027-01', 1)`,
      [id, id + 1000],
    );
    await expect(insert).rejects.toMatchObject({
      code: '23503',
      detail: expect.stringContaining(`(${id + 1000})`),
    });

    const client = await db.pool.connect();
    try {
      const copy = client.query(
        copyFrom(
          'COPY planning_input_demand (input_set_id, item_code, location_code, period, quantity) FROM STDIN',
        ),
      );
      const lines = Readable.from([`${id}\tA\tL\t2027-01\t1\n${id + 1000}\tB\tL\t2027-01\t1\n`]);
      await expect(pipeline(lines, copy)).rejects.toMatchObject({ code: '23503' });
    } finally {
      client.release();
    }
    expect(await demandCount(id)).toBe(0);
  });

  it('refuses moving rows to a revision that does not exist', async () => {
    const id = await createRevision('refs_update');
    await db.pool.query(
      `INSERT INTO planning_input_calendar (input_set_id, date, period, working) VALUES ($1, '2027-01-04', '2027-01', true)`,
      [id],
    );
    await expect(
      db.pool.query('UPDATE planning_input_calendar SET input_set_id = $2 WHERE input_set_id = $1', [
        id,
        id + 1000,
      ]),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('deletes the rows of every table with their revision, and keeps a revision id fixed', async () => {
    const id = await createRevision('refs_delete');
    const other = await createRevision('refs_keep');
    for (const revision of [id, other]) {
      await db.pool.query(
        `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity) VALUES ($1, 'A', 'L', '2027-01', 1)`,
        [revision],
      );
      await db.pool.query(
        `INSERT INTO planning_input_params (input_set_id, key, value) VALUES ($1, 'k', '1')`,
        [revision],
      );
    }
    await expect(
      db.pool.query('UPDATE planning_input_sets SET id = id + 1000 WHERE id = $1', [id]),
    ).rejects.toMatchObject({
      code: '23503',
    });

    await db.pool.query('DELETE FROM planning_input_sets WHERE id = $1', [id]);
    for (const spec of Object.values(TABLE_SPECS)) {
      const { rows } = await db.pool.query(`SELECT count(*) FROM ${spec.dbTable} WHERE input_set_id = $1`, [
        id,
      ]);
      expect(Number(rows[0].count), spec.dbTable).toBe(0);
    }
    expect(await demandCount(other)).toBe(1);
  });
});
