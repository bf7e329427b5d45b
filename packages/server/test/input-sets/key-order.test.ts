import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import {
  detectKeyCollation,
  selectRowsSql,
  type TKeyCollation,
} from '../../src/services/input-sets/table-sql';
import { useTestPool } from '@planning-hub/test-support/test-database';

// ASCII cases, Latin-1, CJK, half-width kana and a character above U+FFFF: byte order differs from most locales here.
const CODES = ['ITEM-1', 'item-1', 'Zeta', 'é', '部品-010', '😀', 'ｱ', '0042', 'A/B', 'a.b'];

async function insertDemand(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     VALUES ('key_order', 1, 'draft', 'v1', '', '{}', 'test') RETURNING id`,
  );
  const id = rows[0]!.id;
  for (const code of CODES) {
    await pool.query(
      `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity) VALUES ($1, $2, 'L', '2027-W01', 1)`,
      [id, code],
    );
  }
  return id;
}

async function readCodes(pool: pg.Pool, id: number, collation: TKeyCollation): Promise<string[]> {
  const { rows } = await pool.query<{ item_code: string }>(selectRowsSql('demand', id, collation));
  return rows.map((r) => r.item_code);
}

async function planOf(pool: pg.Pool, id: number, collation: TKeyCollation): Promise<string> {
  const client = await pool.connect();
  try {
    // Tiny tables are sorted whatever the SQL says; with sorts priced out, the plan shows whether the index can give the order.
    await client.query('SET enable_sort = off');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${selectRowsSql('demand', id, collation)}`,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    client.release(true);
  }
}

describe('natural key order of stored rows', () => {
  const db = useTestPool();

  it('reads rows in the primary key index order on a C database: the same rows in the same byte order as COLLATE "C"', async () => {
    const id = await insertDemand(db.pool);
    expect(await detectKeyCollation(db.pool)).toBe('database-default');
    const byDefault = await readCodes(db.pool, id, 'database-default');
    expect(byDefault).toEqual([...CODES].sort(compareUtf8));
    expect(await readCodes(db.pool, id, 'explicit-c')).toEqual(byDefault);
    expect(await planOf(db.pool, id, 'database-default')).not.toMatch(/Sort/);
    expect(await planOf(db.pool, id, 'explicit-c')).toMatch(/Sort/);
  });

  it('keeps COLLATE "C" where the database default collation is another one', async () => {
    const name = `${db.database.name}_cutf8`;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      await admin.query(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'`,
      );
      const url = new URL(db.database.url);
      url.pathname = `/${name}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        expect(await detectKeyCollation(other)).toBe('explicit-c');
      } finally {
        await other.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
