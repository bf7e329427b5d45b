import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiProcess } from './api-instances';

export type TApiProcessWithPlanner = {
  child: ChildProcess;
  baseUrl: string;
  /** The API token of `<name>-planner`, a planner. */
  token: string;
  /** Kills the process, drops the database, removes the working folder. */
  close: () => Promise<void>;
};

/**
 * The API as `npm start` runs it (startApiProcess), with `env`, on a database of its own
 * holding one planner with an API token.
 */
export async function startApiProcessWithPlanner(
  name: string,
  env: Record<string, string>,
): Promise<TApiProcessWithPlanner> {
  const database = await createTestDatabase();
  const workDir = await mkdtemp(path.join(os.tmpdir(), `planning-hub-${name}-`));
  let child: ChildProcess | undefined;
  const close = async () => {
    child?.kill('SIGKILL');
    await database.drop();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    const clients = createDatabaseClients(database.url, 2);
    let token: string;
    try {
      const username = `${name}-planner`;
      await createUser({
        prisma: clients.prisma,
        username,
        role: 'planner',
        password: `${username}-password`,
      });
      token = (await createApiToken({ prisma: clients.prisma, username, name: 'test' })).token;
    } finally {
      await clients.close();
    }
    const started = await startApiProcess({ databaseUrl: database.url, workDir, env });
    child = started.child;
    return { child, baseUrl: started.baseUrl, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}
