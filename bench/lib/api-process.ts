import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';

export type TApiProcess = {
  baseUrl: string;
  /** PLANNING_HUB_WORKDIR of the API (its tmp/ holds uploads and diff caches). */
  workDir: string;
  token: string;
  pid: number | null;
  /** The API process's peak resident set so far (VmHWM), in MB. */
  readPeakRssMb: () => Promise<number>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** A bearer token of a new planner (may upload and read diffs), made by the auth services. */
async function createBenchToken(url: string): Promise<string> {
  const db = createDatabaseClients(url, 1);
  try {
    const username = `bench-${randomBytes(4).toString('hex')}`;
    await createUser({
      prisma: db.prisma,
      username,
      role: 'planner',
      password: randomBytes(18).toString('hex'),
    });
    return (await createApiToken({ prisma: db.prisma, username, name: 'bench' })).token;
  } finally {
    await db.close();
  }
}

/**
 * The real API (apps/api/src/server.ts: buildApp, diff worker, graceful shutdown)
 * in its own process on the bench database, so its memory is measured apart from
 * the client's. Diff jobs are polled every 0.5 s (the shortest the config allows).
 */
export async function startApiProcess({
  home,
  url,
  workDir,
  cpuProfileDir,
  env = {},
}: {
  home: string;
  url: string;
  workDir: string;
  /** Variables for the API besides the bench's (NODE_ENV, PLANNING_HUB_HOME, ...). */
  env?: Record<string, string>;
  /** With --cpu-prof: the API's own V8 profiles, written when it stops (one per thread: tsx's loader has its own). */
  cpuProfileDir?: string | undefined;
}): Promise<TApiProcess> {
  const port = await freePort();
  const profileArgs = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  const serverArgs = [...profileArgs, '--import', 'tsx', path.join('apps', 'api', 'src', 'server.ts')];
  const child = spawn(process.execPath, serverArgs, {
    cwd: home,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLANNING_HUB_WORKDIR: workDir,
      // Its server.json stays in the bench's folder, not in the checkout's .data/ of a running `npm start`.
      PLANNING_HUB_DATA_DIR: path.join(workDir, '.data'),
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: randomBytes(18).toString('hex'),
      DIFF_POLL_INTERVAL_SECONDS: '0.5',
      ...env,
    },
  });
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} while starting`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 600) throw new Error('the API did not become ready within 60 s');
    await sleep(100);
  }
  return {
    baseUrl,
    workDir,
    token: await createBenchToken(url),
    pid: child.pid ?? null,
    readPeakRssMb: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
