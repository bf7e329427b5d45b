import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { TConfig, TDatabaseTimeouts } from '../config/env';
import { PrismaClient } from '../generated/prisma/client';
import { startEmbeddedPostgres } from './embedded-postgres';
import { prismaPaths } from './prisma-paths';
import { applyMigrations } from './schema-engine';
import { setBulkTimeout } from './transaction';

export type TDatabase = {
  url: string;
  prisma: PrismaClient;
  /** Plain pg pool for what Prisma cannot do: COPY, streaming cursors, advisory locks. */
  pool: pg.Pool;
  close: () => Promise<void>;
};

export const EMBEDDED_DATABASE_NAME = 'planning_hub';

/** How this process's connections behave. */
export type TSessionSettings = {
  /** Told about connections the server dropped (restart, failover, pg_terminate_backend). */
  onConnectionLost?: (error: Error) => void;
  /** Unset: wait for ever, as PostgreSQL and node-postgres do by default (CLI tools, tests). */
  timeouts?: TDatabaseTimeouts;
};

/**
 * pg's connection config for `url` with the session timeouts as startup options
 * (`-c statement_timeout=...`), so they hold from a connection's first statement on,
 * for the pg pool and Prisma's alike. Options already in the URL come after ours and win.
 */
export function connectionConfig(url: string, timeouts: TDatabaseTimeouts | undefined): pg.PoolConfig {
  if (!timeouts) return { connectionString: url };
  const parsed = new URL(url);
  const theirs = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  const ours = [
    `-c statement_timeout=${timeouts.statementTimeoutMs}`,
    `-c lock_timeout=${timeouts.lockTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionTimeoutMs}`,
  ];
  return {
    connectionString: parsed.toString(),
    options: [...ours, ...(theirs ? [theirs] : [])].join(' '),
    connectionTimeoutMillis: timeouts.acquireTimeoutMs,
  };
}

export function createDatabaseClients(
  url: string,
  poolSize = 10,
  { onConnectionLost = () => {}, timeouts }: TSessionSettings = {},
): Omit<TDatabase, 'close'> & {
  close: () => Promise<void>;
} {
  const config = connectionConfig(url, timeouts);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ ...config, max: poolSize }) });
  const pool = new pg.Pool({ ...config, max: poolSize });
  if (timeouts) setBulkTimeout(pool, timeouts.bulkStatementTimeoutMs);
  // A dropped connection fails the query running on it; its 'error' event, idle or
  // checked out, must not end the process too (node-postgres re-emits it unhandled).
  pool.on('error', onConnectionLost);
  pool.on('connect', (client) => client.on('error', onConnectionLost));
  return {
    url,
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Whether prisma/migrations holds a migration the database has not applied.
 * Loading the schema engine costs seconds; a CLI command should not pay it for nothing.
 */
async function hasPendingMigrations(url: string, migrationsDir: string): Promise<boolean> {
  const wanted = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.some((name) => !applied.has(name));
  } catch {
    return true; // no _prisma_migrations table yet: a new database
  } finally {
    await client.end();
  }
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * The database of this process: DATABASE_URL when set, else the embedded
 * PostgreSQL under .data/postgres. Pending migrations are applied first.
 */
export async function openDatabase({
  config,
  log,
  migrate = true,
}: {
  config: TConfig;
  log: (message: string) => void;
  migrate?: boolean;
}): Promise<TDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
    });
    await ensureDatabase(embedded.urlFor('postgres'), EMBEDDED_DATABASE_NAME);
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
    stopEmbedded = embedded.stop;
    log(`embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${path.join(config.dataDir, 'postgres')}`);
  }
  if (migrate && (await hasPendingMigrations(url, prismaPaths(config.home).migrationsDir))) {
    const { applied } = await applyMigrations(url, prismaPaths(config.home));
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  }
  const clients = createDatabaseClients(url, 10, {
    onConnectionLost: (error) => log(`database connection lost (${error.message}); the pool opens a new one`),
    timeouts: config.database,
  });
  return {
    ...clients,
    close: async () => {
      await clients.close();
      await stopEmbedded();
    },
  };
}
