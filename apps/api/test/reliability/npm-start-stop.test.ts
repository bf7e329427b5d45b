import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { findFreePort } from '../support/listen';

/**
 * `kill <pid of npm start>`, as an operator or a process manager stops the product: npm
 * passes the SIGTERM on, and the server must get it and shut down gracefully, not stay
 * behind holding its port (scripts/run.mjs, serve). Run as the README says, `npm start`,
 * here on a test database (DATABASE_URL) so that no embedded PostgreSQL starts.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let workDir: string | undefined;

/** Processes started with this test's working folder: a server left behind when the test fails. */
async function leftBehind(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`PLANNING_HUB_WORKDIR=${dir}`)) pids.push(Number(entry));
  }
  return pids;
}

afterAll(async () => {
  if (workDir) for (const pid of await leftBehind(workDir)) process.kill(pid, 'SIGKILL');
  await database?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops its server gracefully when npm itself is sent SIGTERM', async () => {
    database = await createTestDatabase();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-npm-start-'));
    const port = await findFreePort();
    const npm = spawn('npm', ['start'], {
      cwd: findRepoRoot(),
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PLANNING_HUB_WORKDIR: workDir,
        PLANNING_HUB_DATA_DIR: path.join(workDir, '.data'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ADMIN_PASSWORD: 'npm-start-admin-password',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    const baseUrl = `http://127.0.0.1:${port}`;
    const answers = () =>
      fetch(`${baseUrl}/readyz`).then(
        (res) => res.status === 200,
        () => false,
      );

    // npm start builds the SPA and the CLI first: a minute or more on a busy machine.
    for (let i = 0; i < 2400 && npm.exitCode === null && !(await answers()); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await answers()).toBe(true);

    npm.kill('SIGTERM');
    await exited;
    // The server's own last words, and nothing left on its port.
    for (let i = 0; i < 100 && (await answers()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await answers()).toBe(false);
    const shutdown = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; signal?: string })
      .find((line) => line.msg === 'shutting down');
    expect(shutdown?.signal).toBe('SIGTERM');
    expect(await leftBehind(workDir)).toEqual([]);
  }, 300_000);
});
