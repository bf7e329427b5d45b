import path from 'node:path';
import { ensureDatabase, createDatabaseClients } from '@planning-hub/server/database/connect';
import { startEmbeddedPostgres } from '@planning-hub/server/database/embedded-postgres';
import { prismaPaths } from '@planning-hub/server/database/prisma-paths';
import { applyMigrations } from '@planning-hub/server/database/schema-engine';

export const BENCH_PG_PORT = 54390;
/** The bench's throwaway cluster keeps the fixed superuser password it was made with. */
export const BENCH_SUPERUSER = { user: 'planning_hub', password: 'planning_hub' };
const DATABASE = 'planning_hub_bench';

export type TBenchDatabase = {
  url: string;
  /** PostgreSQL's own version string (SHOW server_version). */
  postgresVersion: string;
  stop: () => Promise<void>;
};

/**
 * The bench's own embedded PostgreSQL (data in .data/bench, port 54390), with a
 * fresh, migrated database each run, so no earlier run's rows or bloat skew the times.
 * `dataDir` is relative to `home`.
 */
export async function startBenchDatabase(
  home: string,
  port = BENCH_PG_PORT,
  dataDir = path.join('.data', 'bench'),
): Promise<TBenchDatabase> {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(home, dataDir),
    port,
    superuser: BENCH_SUPERUSER,
  });
  const adminUrl = server.urlFor('postgres');
  const admin = createDatabaseClients(adminUrl, 1);
  try {
    await admin.pool.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
  await ensureDatabase(adminUrl, DATABASE);
  const url = server.urlFor(DATABASE);
  await applyMigrations(url, prismaPaths(home));
  const db = createDatabaseClients(url, 1);
  try {
    const { rows } = await db.pool.query<{ server_version: string }>('SHOW server_version');
    return { url, postgresVersion: rows[0]!.server_version, stop: server.stop };
  } finally {
    await db.close();
  }
}
