import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { copyFrom } from '../lib/server-modules';

type TPool = TDatabase['pool'];

/** The tables a bundle has as CSV files (params comes as params.json). */
export const CSV_TABLES = TABLE_NAMES.filter((t): t is Exclude<TTableName, 'params'> => t !== 'params');

/** `bare` has the same columns and indexes but no check of input_set_id: what that check costs. */
export type TCopyTarget = { table: TTableName; bare?: boolean };

const copyTableOf = ({ table, bare = false }: TCopyTarget) => `bench_copy_${bare ? 'bare_' : ''}${table}`;

const COPY_LABEL = 'bench_copy';

/**
 * `bench_copy_<table>`: identical to the service's table: the same columns, defaults,
 * primary key and indexes (LIKE ... INCLUDING ALL) and the same statement-level
 * triggers checking that input_set_id names a revision (they replaced a foreign key,
 * migration 20261125100737), input_set_id filled by a default naming a revision kept
 * for this. `bench_copy_bare_demand`: the same without the check.
 */
export async function createCopyTables(pool: TPool): Promise<void> {
  await dropCopyTables(pool);
  const id = await benchDraftId(pool, COPY_LABEL);
  const targets: TCopyTarget[] = [...CSV_TABLES.map((table) => ({ table })), { table: 'demand', bare: true }];
  for (const target of targets) {
    const name = copyTableOf(target);
    await pool.query(`CREATE TABLE ${name} (LIKE ${TABLE_SPECS[target.table].dbTable} INCLUDING ALL)`);
    await pool.query(`ALTER TABLE ${name} ALTER COLUMN input_set_id SET DEFAULT ${id}`);
    if (!target.bare) {
      for (const event of ['INSERT', 'UPDATE']) {
        await pool.query(
          `CREATE TRIGGER ${name}_input_set_${event.toLowerCase()} AFTER ${event} ON ${name} REFERENCING NEW TABLE AS new_rows
           FOR EACH STATEMENT EXECUTE FUNCTION planning_input_rows_check_input_set()`,
        );
      }
    }
  }
}

export async function dropCopyTables(pool: TPool): Promise<void> {
  for (const table of CSV_TABLES) await pool.query(`DROP TABLE IF EXISTS ${copyTableOf({ table })}`);
  await pool.query(`DROP TABLE IF EXISTS ${copyTableOf({ table: 'demand', bare: true })}`);
  await pool.query('DELETE FROM planning_input_sets WHERE label = $1', [COPY_LABEL]);
}

/** Empty copy tables, and a checkpoint, so no run pays for the previous run's dirty pages. */
export async function resetCopyTables(pool: TPool, targets: readonly TCopyTarget[]): Promise<void> {
  await pool.query(`TRUNCATE ${targets.map(copyTableOf).join(', ')}`);
  await pool.query('CHECKPOINT');
}

/** What `psql \copy <table> FROM <file> CSV HEADER` does: the file streamed into COPY FROM STDIN. */
export async function copyCsvFile(
  pool: TPool,
  target: TCopyTarget,
  bundleDir: string,
  into: string = copyTableOf(target),
): Promise<void> {
  const spec = TABLE_SPECS[target.table];
  const columns = spec.columns.map((c) => c.name).join(', ');
  const client = await pool.connect();
  try {
    const copy = client.query(
      copyFrom(`COPY ${into} (${columns}) FROM STDIN WITH (FORMAT csv, HEADER true)`),
    );
    await pipeline(createReadStream(path.join(bundleDir, spec.file), { highWaterMark: 1 << 20 }), copy);
  } finally {
    client.release();
  }
}

/**
 * The id of `label`'s draft, created as revision 1 when there is none: a revision for the
 * bench's own rows. Its row counts name every table, as an import's do: the list answer
 * holds every revision, and a summary without them would not match its contract.
 */
export async function benchDraftId(pool: TPool, label: string): Promise<number> {
  const existing = await findDraftId(pool, label);
  if (existing !== null) return existing;
  const rowCounts = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0]));
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     VALUES ($1, 1, 'draft', 'bench', '', $2, 'bench') RETURNING id`,
    [label, JSON.stringify(rowCounts)],
  );
  return rows[0]!.id;
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
