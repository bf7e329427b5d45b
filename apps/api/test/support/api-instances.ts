/**
 * The API on a database of the test's choosing, twice over: in this process (as
 * server.ts wires it, diff worker included) or as a real `node apps/api/src/server.ts`
 * child process that a test can kill. test-server.ts makes its own database; these
 * take one, so that two instances can share it or connect as another role.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '@planning-hub/server/config/env';
import { createLogger } from '@planning-hub/server/observability/logger';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';
import { openRuntime, type TRuntime } from '@planning-hub/server/runtime';
import { startDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { buildApp } from '../../src/build-app';
import { findFreePort, listenOnFreePort } from './listen';

export type TLogLine = { msg: string; level: number; [field: string]: unknown };

/** Where an instance keeps its data: DATABASE_URL and PLANNING_HUB_WORKDIR, plus any other settings. */
export type TApiTarget = { databaseUrl: string; workDir: string; env?: Record<string, string> };

export type TApiInstance = {
  baseUrl: string;
  runtime: TRuntime;
  /** Every line logged (pino JSON), parsed. */
  logLines: TLogLine[];
  stop: () => Promise<void>;
};

/** The API and its diff worker in this process, on `databaseUrl`. */
export async function startApiInstance({
  databaseUrl,
  workDir,
  env = {},
}: TApiTarget): Promise<TApiInstance> {
  const logLines: TLogLine[] = [];
  // The logger server.ts gets (its redaction included), writing into logLines.
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'info', name: 'reliability', destination });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    PLANNING_HUB_WORKDIR: workDir,
    // Its audit key stays in the test's folder, as startApiProcess's does: both share it on one workDir.
    PLANNING_HUB_DATA_DIR: path.join(workDir, '.data'),
    ...env,
  });
  const runtime = await openRuntime({ name: 'reliability', config, logger });
  const app = await buildApp(runtime);
  const worker = await startDiffWorker(runtime);
  const server = await listenOnFreePort(app);
  return {
    baseUrl: server.baseUrl,
    runtime,
    logLines,
    stop: async () => {
      await server.close();
      await worker.stop();
      await runtime.close();
    },
  };
}

/**
 * `node --import tsx apps/api/src/server.ts`, as `npm start` runs it, ready when /readyz answers 200.
 * Without `databaseUrl` it starts its embedded PostgreSQL, as `npm start` does (give it
 * EMBEDDED_PG_PORT in `env`).
 */
export async function startApiProcess({
  databaseUrl,
  workDir,
  env = {},
}: Omit<TApiTarget, 'databaseUrl'> & { databaseUrl: string | undefined }): Promise<{
  baseUrl: string;
  child: ChildProcess;
}> {
  const root = findRepoRoot();
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      // Empty means unset (config/env.ts): the embedded PostgreSQL.
      DATABASE_URL: databaseUrl ?? '',
      PLANNING_HUB_WORKDIR: workDir,
      // Its server.json stays in the test's folder, never in the checkout's .data/ where `npm start` keeps its own.
      PLANNING_HUB_DATA_DIR: path.join(workDir, '.data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD: 'reliability-admin-password',
      ...env,
    },
    // stderr shows a crash of the child in the test output.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // A first start of the embedded PostgreSQL (initdb, every migration) takes a while on a busy machine.
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return { baseUrl, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API process did not become ready within 180 s');
}
