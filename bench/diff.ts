/**
 * Scale check of the diff engine (docs/design.md section 6): two demand revisions of
 * `rows` rows each, 1% changed, 0.5% added, 0.5% removed, generated in SQL.
 * Measures the engine (FULL OUTER JOIN per table, COPY-streamed into the paged file
 * cache) against a plain `SELECT count(*)` of the same join, and Node's peak RSS.
 *
 *   DATABASE_URL=postgresql://... npx tsx bench/diff.ts [--rows 1000000] [--keep]
 *
 * The database must be migrated (pnpm db:migrate); the bench's rows are removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { computeDiffToCache } from '@planning-hub/server/services/diff/compute-diff';
import { diffCachePaths, readDiffRowsPage } from '@planning-hub/server/services/diff/diff-cache';

export type TDiffBenchResult = {
  rows: number;
  generateMs: number;
  plainCountMs: number;
  plainCount: number;
  diffMs: number;
  totals: { added: number; removed: number; changed: number; unchanged: number };
  lastPageMs: number;
  /** Node's resident set before the bench, for scale (tsx and the pg client alone take some). */
  startRssMb: number;
  peakRssMb: number;
};

type TPool = TDatabase['pool'];

export const DIFF_LABEL = 'bench_diff';
/** The older side of every bench diff. */
export const DIFF_AGAINST = `${DIFF_LABEL}@r1`;
const LABEL = DIFF_LABEL;

/** Row g of a revision: unique key per g, a quantity with a fraction, uom on every third row. */
const ROW_SQL = (id: string, quantity: string) => `
  SELECT ${id}, 'ITEM-' || lpad((g / 100)::text, 6, '0'), 'L' || (g % 10), '2027-W' || lpad(((g / 10) % 10 + 1)::text, 2, '0'),
         ${quantity}, CASE WHEN g % 3 = 0 THEN 'pcs' END`;

/**
 * Two demand revisions of `rows` rows each (r1, draft r2), ANALYZEd; replaces earlier ones.
 * r1 is stored archived: only an approval makes a revision ready (planning_input_sets_ready_needs_approval),
 * so the diffs name it `bench_diff@r1`.
 */
export async function createDiffRevisions(
  pool: TPool,
  rows: number,
): Promise<{ older: number; newer: number }> {
  await pool.query('DELETE FROM planning_input_sets WHERE label = $1', [LABEL]);
  // Every table named, as an import stores them: the API's detail answer requires each (the SPA's Diff tab reads it).
  const counts = JSON.stringify({
    ...Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])),
    demand: rows,
  });
  const { rows: ids } = await pool.query<{ id: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     VALUES ($1, 1, 'archived', 'bench-a', repeat('a', 64), $2, 'bench'), ($1, 2, 'draft', 'bench-b', repeat('b', 64), $2, 'bench')
     RETURNING id`,
    [LABEL, counts],
  );
  const [older, newer] = [ids[0]!.id, ids[1]!.id];
  const removed = Math.round(rows * 0.005);
  const columns = '(input_set_id, item_code, location_code, period, quantity, uom)';
  await pool.query(
    `INSERT INTO planning_input_demand ${columns} ${ROW_SQL(String(older), '(g % 1000) + 0.25')} FROM generate_series(0, $1::int - 1) g`,
    [rows],
  );
  // Newer: the first 0.5% removed, 0.5% added at the end, every 100th row (1%) with another quantity.
  await pool.query(
    `INSERT INTO planning_input_demand ${columns}
     ${ROW_SQL(String(newer), 'CASE WHEN g % 100 = 7 THEN (g % 1000) + 1.5 ELSE (g % 1000) + 0.250 END')}
     FROM generate_series($1::int, $2::int + $1::int - 1) g`,
    [removed, rows],
  );
  await pool.query('ANALYZE planning_input_demand');
  return { older, newer };
}

/**
 * r3 (archived): a copy of the older revision's rows with the same content hash,
 * what re-uploading an unchanged bundle gives. Returns its id.
 */
export async function createIdenticalRevision(pool: TPool, older: number): Promise<number> {
  const { rows: ids } = await pool.query<{ id: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     SELECT label, 3, 'archived', 'bench-c', content_hash, row_counts, uploaded_by FROM planning_input_sets WHERE id = $1
     RETURNING id`,
    [older],
  );
  const id = ids[0]!.id;
  await pool.query(
    `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity, uom)
     SELECT $1, item_code, location_code, period, quantity, uom FROM planning_input_demand WHERE input_set_id = $2`,
    [id, older],
  );
  await pool.query('ANALYZE planning_input_demand');
  return id;
}

/** The baseline: one FULL OUTER JOIN of the two revisions, counting the rows that differ. */
export async function countDifferingRows(pool: TPool, older: number, newer: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL work_mem = '64MB'");
    const { rows: counted } = await client.query<{ n: string }>(
      `SELECT count(*) AS n
         FROM (SELECT * FROM planning_input_demand WHERE input_set_id = $1) o
         FULL OUTER JOIN (SELECT * FROM planning_input_demand WHERE input_set_id = $2) n
           ON o.item_code = n.item_code AND o.location_code = n.location_code AND o.period = n.period
        WHERE o.input_set_id IS NULL OR n.input_set_id IS NULL
           OR o.quantity IS DISTINCT FROM n.quantity OR o.uom IS DISTINCT FROM n.uom`,
      [older, newer],
    );
    await client.query('COMMIT');
    return Number(counted[0]!.n);
  } finally {
    client.release();
  }
}

export async function benchDiff({
  pool,
  rows,
  keepRows = false,
}: {
  pool: TPool;
  rows: number;
  /** Leave the two revisions in place (label bench_diff) to EXPLAIN the queries by hand. */
  keepRows?: boolean;
}): Promise<TDiffBenchResult> {
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const { older, newer } = await createDiffRevisions(pool, rows);
  const generateMs = performance.now() - t0;

  const t1 = performance.now();
  const plainCount = await countDifferingRows(pool, older, newer);
  const plainCountMs = performance.now() - t1;

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bench-diff-'));
  try {
    const paths = diffCachePaths(
      path.join(workDir, 'tmp', 'input_set_diffs'),
      `${LABEL}@draft`,
      DIFF_AGAINST,
    );
    const t2 = performance.now();
    const manifest = await computeDiffToCache(
      { pool },
      { ref: `${LABEL}@draft`, against: DIFF_AGAINST, paths },
    );
    const diffMs = performance.now() - t2;
    const t3 = performance.now();
    const changed = manifest.rows.files.demand?.changed?.count ?? 0;
    await readDiffRowsPage(paths, manifest, {
      table: 'demand',
      kind: 'changed',
      offset: Math.max(0, changed - 100),
      limit: 100,
    });
    const lastPageMs = performance.now() - t3;
    return {
      rows,
      generateMs,
      plainCountMs,
      plainCount,
      diffMs,
      totals: manifest.totals,
      lastPageMs,
      startRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
    if (!keepRows) await pool.query('DELETE FROM planning_input_sets WHERE label = $1', [LABEL]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a migrated database.');
  const db = createDatabaseClients(process.env.DATABASE_URL, 4);
  const { pool } = db;
  try {
    const result = await benchDiff({ pool, rows, keepRows: process.argv.includes('--keep') });
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    console.log(`diff bench, ${rows.toLocaleString('en-US')} vs ${rows.toLocaleString('en-US')} demand rows`);
    console.log(`  generate (SQL)            ${ms(result.generateMs)}`);
    console.log(`  plain count(*) of join    ${ms(result.plainCountMs)}  (${result.plainCount} rows differ)`);
    console.log(`  diff engine (to cache)    ${ms(result.diffMs)}  ${JSON.stringify(result.totals)}`);
    console.log(`  last page of changed rows ${result.lastPageMs.toFixed(1)} ms`);
    console.log(
      `  peak RSS (node)           ${result.peakRssMb.toFixed(0)} MB (${result.startRssMb.toFixed(0)} MB at start)`,
    );
  } finally {
    await db.close();
  }
}
