/**
 * The query plans behind docs/performance.md, on the bench database that `pnpm bench`
 * leaves behind (.data/bench, port 54390, database planning_hub_bench):
 *   - the ordered read of export and hash (index scan) against the same read with
 *     COLLATE "C" (sort) and the unordered read of the baselines;
 *   - the foreign key check's share of loading a revision (INSERT ... SELECT, rolled back);
 *   - the diff engine's query against the plain FULL OUTER JOIN count.
 *
 *   npx tsx bench/explain.ts [--label bench_import] [--diff-rows 1000000]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { startEmbeddedPostgres } from '@planning-hub/server/database/embedded-postgres';
import { tableDiffCopySql } from '@planning-hub/server/services/diff/diff-sql';
import { selectRowsSql } from '@planning-hub/server/services/input-sets/table-sql';
import { DIFF_LABEL, createDiffRevisions } from './diff';
import { BENCH_PG_PORT, BENCH_SUPERUSER } from './lib/bench-database';
import { plainSelectSql, findRevisionId } from './tasks/revision-sql';

type TPool = TDatabase['pool'];

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function explain(pool: TPool, title: string, sql: string, { rollback = false } = {}): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL work_mem = '64MB'");
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
    console.log(`\n-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      label: { type: 'string', default: 'bench_import' },
      'diff-rows': { type: 'string', default: '1000000' },
    },
  });
  const server = await startEmbeddedPostgres({
    dataDir: path.join(home, '.data', 'bench'),
    port: BENCH_PG_PORT,
    superuser: BENCH_SUPERUSER,
  });
  const db = createDatabaseClients(server.urlFor('planning_hub_bench'), 2);
  const { pool } = db;
  try {
    // The export task approves the imported draft (only then is its export cached).
    const id = await findRevisionId(pool, values.label, 'ready').catch(() =>
      findRevisionId(pool, values.label, 'draft'),
    );
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM planning_input_demand WHERE input_set_id = $1',
      [id],
    );
    console.log(`${values.label} (id ${id}): ${Number(rows[0]!.n).toLocaleString('en-US')} demand rows`);
    await explain(
      pool,
      'export / hash read (natural key order, database default collation C)',
      selectRowsSql('demand', id, 'database-default'),
    );
    await explain(
      pool,
      'the same with COLLATE "C" (what it was before)',
      selectRowsSql('demand', id, 'explicit-c'),
    );
    await explain(pool, 'baseline read (no order)', plainSelectSql('demand', id));

    const demand = TABLE_SPECS.demand.dbTable;
    // The revision's rows once more under other keys (period + '-x'), rolled back: once into the
    // service table, whose foreign key is checked row by row, once into a copy without it.
    const columns = 'input_set_id, item_code, location_code, period, quantity, uom';
    const again = `SELECT input_set_id, item_code, location_code, period || '-x', quantity, uom FROM ${demand} WHERE input_set_id = ${id}`;
    await pool.query('DROP TABLE IF EXISTS explain_no_fk');
    await pool.query(`CREATE TABLE explain_no_fk (LIKE ${demand} INCLUDING ALL)`);
    try {
      await explain(
        pool,
        'insert into the service table (foreign key checked per row)',
        `INSERT INTO ${demand} (${columns}) ${again}`,
        {
          rollback: true,
        },
      );
      await explain(
        pool,
        'insert into the same table without the foreign key',
        `INSERT INTO explain_no_fk (${columns}) ${again}`,
        {
          rollback: true,
        },
      );
    } finally {
      await pool.query('DROP TABLE IF EXISTS explain_no_fk');
    }

    const diffRows = Number(values['diff-rows']);
    const { older, newer } = await createDiffRevisions(pool, diffRows);
    try {
      await explain(
        pool,
        `plain FULL OUTER JOIN count, ${diffRows.toLocaleString('en-US')} vs ${diffRows.toLocaleString('en-US')}`,
        `SELECT count(*) FROM (SELECT * FROM ${demand} WHERE input_set_id = ${older}) o
           FULL OUTER JOIN (SELECT * FROM ${demand} WHERE input_set_id = ${newer}) n
             ON o.item_code = n.item_code AND o.location_code = n.location_code AND o.period = n.period
          WHERE o.input_set_id IS NULL OR n.input_set_id IS NULL OR o.quantity IS DISTINCT FROM n.quantity OR o.uom IS DISTINCT FROM n.uom`,
      );
      const engine = tableDiffCopySql('demand', older, newer)
        .replace(/^COPY \(/, '')
        .replace(/\) TO STDOUT$/, '');
      await explain(pool, 'the diff engine query (rows as JSON, natural key order)', engine);
    } finally {
      await pool.query('DELETE FROM planning_input_sets WHERE label = $1', [DIFF_LABEL]);
    }
  } finally {
    await db.close();
    await server.stop();
  }
}

await main();
