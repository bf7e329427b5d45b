import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { TAuditKey } from '@planning-hub/core/events/event-hash';
import type { TConfig, TDatabaseTimeouts } from '../config/env';
import { PrismaClient } from '../generated/prisma/client';
import { ensureAppLoginRole } from './app-login-role';
import { LEGACY_SUPERUSER_PASSWORD, loadEmbeddedCredentials } from './embedded-credentials';
import { startEmbeddedPostgres, type TRoleCredentials } from './embedded-postgres';
import { carryAuditKey } from './pool-audit-key';
import { prismaPaths } from './prisma-paths';
import { applyMigrations } from './schema-engine';
import { setBulkTimeout } from './transaction';

export type TDatabase = {
  url: string;
  prisma: PrismaClient;
  /** Plain pg pool for what Prisma cannot do: COPY, streaming cursors, advisory locks. */
  pool: pg.Pool;
  /**
   * Runs `work` on one connection as the schema's owner (DATABASE_OWNER_URL, the embedded
   * superuser), e.g. to write the installation policy; as the app's own role when no
   * owner is known (DATABASE_URL alone).
   */
  withOwner: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export const EMBEDDED_DATABASE_NAME = 'planning_hub';

/** How this process's connections behave. */
export type TSessionSettings = {
  /** Told about connections the server dropped (restart, failover, pg_terminate_backend). */
  onConnectionLost?: (error: Error) => void;
  /** Unset: wait for ever, as PostgreSQL and node-postgres do by default (CLI tools, tests). */
  timeouts?: TDatabaseTimeouts;
  /** Events appended and verified through this pool are keyed with it (docs/decisions/0008); unset: plain SHA-256. */
  auditKey?: TAuditKey;
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
  { onConnectionLost = () => {}, timeouts, auditKey }: TSessionSettings = {},
): Omit<TDatabase, 'close' | 'withOwner'> & {
  close: () => Promise<void>;
} {
  const config = connectionConfig(url, timeouts);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ ...config, max: poolSize }) });
  const pool = new pg.Pool({ ...config, max: poolSize });
  if (timeouts) setBulkTimeout(pool, timeouts.bulkStatementTimeoutMs);
  if (auditKey) carryAuditKey(pool, auditKey);
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
 * Why the app should not connect as this role, or null: a superuser, or a member of the
 * role that owns the database or the events table, can disable the append-only trigger
 * and rewrite the audit trail (the audit key still shows it, docs/decisions/0008).
 */
async function privilegedRoleWarning(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; is_superuser: boolean; is_owner: boolean }>(
      `SELECT current_user AS role, r.rolsuper AS is_superuser,
              pg_has_role(current_user, d.datdba, 'MEMBER')
              OR EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'planning_input_set_events'
                                                     AND pg_has_role(current_user, t.tableowner, 'MEMBER')) AS is_owner
         FROM pg_roles r JOIN pg_database d ON d.datname = current_database()
        WHERE r.rolname = current_user`,
    );
    const row = rows[0];
    if (!row || !(row.is_superuser || row.is_owner)) return null;
    const what = row.is_superuser ? 'a superuser' : 'the owner of the database or of its tables';
    return `the app connects to PostgreSQL as '${row.role}', ${what}: it could disable the append-only trigger and rewrite the audit events. Give DATABASE_URL a login role that is a member of planning_hub_app and DATABASE_OWNER_URL the owner, for migrations (docs/reliability.md, "Running the app with the least-privilege role").`;
  } finally {
    await client.end();
  }
}

/** Where the app and the owner connect: DATABASE_URL (+ DATABASE_OWNER_URL), or the embedded PostgreSQL. */
async function locateDatabase(config: TConfig): Promise<{
  appUrl: string;
  ownerUrl: string;
  /** The embedded server's login role for the app, made after the migrations. */
  embeddedAppRole: TRoleCredentials | null;
  stopEmbedded: () => Promise<void>;
}> {
  if (config.databaseUrl) {
    return {
      appUrl: config.databaseUrl,
      ownerUrl: config.databaseOwnerUrl ?? config.databaseUrl,
      embeddedAppRole: null,
      stopEmbedded: async () => {},
    };
  }
  const credentials = await loadEmbeddedCredentials(config.dataDir);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPgPort,
    superuser: credentials.superuser,
    previousPasswords: [LEGACY_SUPERUSER_PASSWORD],
  });
  await ensureDatabase(embedded.urlFor('postgres'), EMBEDDED_DATABASE_NAME);
  return {
    appUrl: embedded.urlFor(EMBEDDED_DATABASE_NAME, credentials.app),
    ownerUrl: embedded.urlFor(EMBEDDED_DATABASE_NAME),
    embeddedAppRole: credentials.app,
    stopEmbedded: embedded.stop,
  };
}

/**
 * The database of this process: DATABASE_URL when set, else the embedded PostgreSQL
 * under .data/postgres. Pending migrations are applied first, as the owner
 * (DATABASE_OWNER_URL, the embedded superuser). The app then connects as its own role
 * (DATABASE_URL, the embedded login role `planning_hub_api`); `connectAs: 'owner'` is
 * for the `planning db` commands.
 */
export async function openDatabase({
  config,
  log,
  warn = log,
  migrate = true,
  connectAs = 'app',
  auditKey,
}: {
  config: TConfig;
  log: (message: string) => void;
  warn?: (message: string) => void;
  migrate?: boolean;
  connectAs?: 'app' | 'owner';
  auditKey?: TAuditKey;
}): Promise<TDatabase> {
  const { appUrl, ownerUrl, embeddedAppRole, stopEmbedded } = await locateDatabase(config);
  if (!config.databaseUrl) {
    log(
      `embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${path.join(config.dataDir, 'postgres')}`,
    );
  }
  try {
    if (migrate && (await hasPendingMigrations(ownerUrl, prismaPaths(config.home).migrationsDir))) {
      const { applied } = await applyMigrations(ownerUrl, prismaPaths(config.home));
      if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    }
    if (embeddedAppRole && (migrate || connectAs === 'app'))
      await ensureAppLoginRole(ownerUrl, embeddedAppRole);
    if (connectAs === 'app' && !embeddedAppRole) {
      const warning = await privilegedRoleWarning(appUrl);
      if (warning) warn(warning);
    }
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  const clients = createDatabaseClients(connectAs === 'owner' ? ownerUrl : appUrl, 10, {
    onConnectionLost: (error) => log(`database connection lost (${error.message}); the pool opens a new one`),
    timeouts: config.database,
    ...(auditKey ? { auditKey } : {}),
  });
  return {
    ...clients,
    withOwner: async (work) => {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await clients.close();
      await stopEmbedded();
    },
  };
}
