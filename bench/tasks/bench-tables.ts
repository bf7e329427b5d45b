import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '../../packages/contracts/src/tables';
import type { TDatabase } from '../../packages/server/src/database/connect';
import { copyFrom } from '../lib/server-modules';

type TPool = TDatabase['pool'];

/** The tables a bundle has as CSV files (params comes as params.json). */
export const CSV_TABLES = TABLE_NAMES.filter((t): t is Exclude<TTableName, 'params'> => t !== 'params');

const copyTableOf = (table: TTableName) => `bench_copy_${table}`;

/**
 * `bench_copy_<table>`: the same columns, defaults, primary key and indexes as the
 * service's table (LIKE ... INCLUDING ALL; no foreign key), input_set_id filled by a default.
 */
export async function createCopyTables(pool: TPool): Promise<void> {
  for (const table of CSV_TABLES) {
    const target = copyTableOf(table);
    await pool.query(`DROP TABLE IF EXISTS ${target}`);
    await pool.query(`CREATE TABLE ${target} (LIKE ${TABLE_SPECS[table].dbTable} INCLUDING ALL)`);
    await pool.query(`ALTER TABLE ${target} ALTER COLUMN input_set_id SET DEFAULT 1`);
  }
}

export async function dropCopyTables(pool: TPool): Promise<void> {
  for (const table of CSV_TABLES) await pool.query(`DROP TABLE IF EXISTS ${copyTableOf(table)}`);
}

/** Empty copy tables, and a checkpoint, so no run pays for the previous run's dirty pages. */
export async function resetCopyTables(pool: TPool, tables: readonly TTableName[]): Promise<void> {
  await pool.query(`TRUNCATE ${tables.map(copyTableOf).join(', ')}`);
  await pool.query('CHECKPOINT');
}

/** What `psql \copy <table> FROM <file> CSV HEADER` does: the file streamed into COPY FROM STDIN. */
export async function copyCsvFile(pool: TPool, table: TTableName, bundleDir: string): Promise<void> {
  const columns = TABLE_SPECS[table].columns.map((c) => c.name).join(', ');
  const client = await pool.connect();
  try {
    const copy = client.query(copyFrom(`COPY ${copyTableOf(table)} (${columns}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(path.join(bundleDir, TABLE_SPECS[table].file), { highWaterMark: 1 << 20 }), copy);
  } finally {
    client.release();
  }
}

/** The draft of `label`, if any. */
export async function findDraftId(pool: TPool, label: string): Promise<number | null> {
  const { rows } = await pool.query<{ id: number }>(
    "SELECT id FROM planning_input_sets WHERE label = $1 AND status = 'draft'",
    [label],
  );
  return rows[0]?.id ?? null;
}

/**
 * Removes the rows of `label`'s draft (the revision and its events stay: events are
 * append-only), vacuums and checkpoints, so the next import starts from the same
 * table state as the first one and overwrites an empty draft.
 */
export async function clearDraftRows(pool: TPool, label: string): Promise<void> {
  const id = await findDraftId(pool, label);
  if (id === null) return;
  for (const table of TABLE_NAMES) {
    await pool.query(`DELETE FROM ${TABLE_SPECS[table].dbTable} WHERE input_set_id = $1`, [id]);
  }
  for (const table of TABLE_NAMES) await pool.query(`VACUUM ${TABLE_SPECS[table].dbTable}`);
  await pool.query('CHECKPOINT');
}
