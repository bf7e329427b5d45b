/**
 * The real API on a real PostgreSQL, for endpoint tests. One per test file:
 *
 *   let server: TTestServer;
 *   beforeAll(async () => { server = await startTestServer(); });
 *   afterAll(() => server?.close());
 *
 *   it('lists input sets for a viewer', async () => {
 *     const viewer = await server.createUserWithToken('viewer');
 *     const res = await server.fetch('/api/plans/input_sets', { headers: viewer.headers });
 *     expect(res.status).toBe(200);
 *   });
 *
 * `createUserWithSession(role)` gives a browser-like caller: `headers` carries the
 * session cookie and the X-CSRF-Token that unsafe methods need.
 * `createUserWithToken(role)` gives a script-like caller with a bearer token.
 * Each call creates a new user, so tests in one file do not share identities.
 *
 * `startTestServer({ localOperator: true })` also does what `npm start` does for the CLI
 * of its checkout: a fresh local-operator secret, published in `<workDir>/.data/server.json`
 * (so `planning` run with cwd = workDir, or with PLANNING_HUB_DATA_DIR = dataDir, finds it).
 * `diffWorker: true` runs the diff worker as server.ts does.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type express from 'express';
import type { TRole } from '@planning-hub/contracts/api/auth';
import { loadConfig } from '@planning-hub/server/config/env';
import { openRuntime, type TRuntime } from '@planning-hub/server/runtime';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import {
  createLocalOperatorSecret,
  writeLocalServerFile,
} from '@planning-hub/server/services/auth/local-operator';
import { startDiffWorker, type TDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { signIn } from '@planning-hub/server/services/auth/sessions';
import { createUser } from '@planning-hub/server/services/auth/users';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { buildApp } from '../../src/build-app';
import { SESSION_COOKIE } from '../../src/http/authenticate';
import { listenOnFreePort } from './listen';

export type TTestUser = { username: string; password: string; role: TRole };
export type TSessionCaller = TTestUser & {
  /** `planning_hub_session=<id>`, as a browser would send it. */
  cookie: string;
  csrfToken: string;
  /** Cookie plus X-CSRF-Token: enough for any method. */
  headers: Record<string, string>;
};
export type TTokenCaller = TTestUser & { token: string; headers: Record<string, string> };

export type TTestServer = {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** The Express app being served, e.g. to walk its routes. */
  app: express.Express;
  runtime: TRuntime;
  /** The test database's connection URL (also what `runtime.db` is connected to). */
  databaseUrl: string;
  /** A fresh temporary folder: PLANNING_HUB_WORKDIR, so tmp/, out/ and evidence/ land here. */
  workDir: string;
  /** `<workDir>/.data` (PLANNING_HUB_DATA_DIR): server.json with `localOperator`, the generated audit key. */
  dataDir: string;
  /** With `localOperator`: this start's secret (also in server.json). */
  localOperatorSecret: string | undefined;
  /** global fetch against `baseUrl`; `path` starts with `/`. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  createUser: (
    role: TRole,
    options?: { username?: string; password?: string; employeeId?: string },
  ) => Promise<TTestUser>;
  createUserWithSession: (role: TRole) => Promise<TSessionCaller>;
  createUserWithToken: (role: TRole) => Promise<TTokenCaller>;
  /** Stops the server and the runtime, drops the database, removes workDir. */
  close: () => Promise<void>;
};

/** Starts the API exactly as server.ts does (buildApp), on 127.0.0.1 and a free port. */
export async function startTestServer({
  env = {},
  localOperator = false,
  diffWorker: withDiffWorker = false,
}: {
  env?: Record<string, string>;
  /** Accept the local operator and write server.json, as server.ts does. */
  localOperator?: boolean;
  /** Run the diff worker (startDiffWorker), as server.ts does. */
  diffWorker?: boolean;
} = {}): Promise<TTestServer> {
  const database = await createTestDatabase();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-test-'));
  const dataDir = path.join(workDir, '.data');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    PLANNING_HUB_WORKDIR: workDir,
    // Its audit key (and server.json) in its own folder, never in the checkout's .data/.
    PLANNING_HUB_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const runtime = await openRuntime({ name: 'test', config });
  const localOperatorSecret = localOperator ? createLocalOperatorSecret() : undefined;
  const app = await buildApp(runtime, { localOperatorSecret });
  const server = await listenOnFreePort(app);
  const { baseUrl } = server;
  if (localOperatorSecret) {
    await writeLocalServerFile(dataDir, {
      url: baseUrl,
      secret: localOperatorSecret,
      pid: process.pid,
      startedAt: new Date().toISOString(),
    });
  }
  const diffWorker: TDiffWorker | undefined = withDiffWorker ? await startDiffWorker(runtime) : undefined;
  const { prisma } = runtime.db;
  let counter = 0;

  const createTestUser: TTestServer['createUser'] = async (role, options = {}) => {
    counter += 1;
    const username = options.username ?? `${role}-${counter}-${randomBytes(3).toString('hex')}`;
    const password = options.password ?? `pw-${randomBytes(12).toString('hex')}`;
    await createUser({ prisma, username, role, employeeId: options.employeeId ?? null, password });
    return { username, password, role };
  };

  return {
    baseUrl,
    app,
    runtime,
    databaseUrl: database.url,
    workDir,
    dataDir,
    localOperatorSecret,
    fetch: (urlPath, init) => fetch(`${baseUrl}${urlPath}`, init),
    createUser: createTestUser,
    createUserWithSession: async (role) => {
      const user = await createTestUser(role);
      const session = await signIn({
        prisma,
        sessionTtlHours: config.sessionTtlHours,
        username: user.username,
        password: user.password,
      });
      const cookie = `${SESSION_COOKIE}=${session.sessionId}`;
      return {
        ...user,
        cookie,
        csrfToken: session.csrfToken,
        headers: { cookie, 'x-csrf-token': session.csrfToken },
      };
    },
    createUserWithToken: async (role) => {
      const user = await createTestUser(role);
      const { token } = await createApiToken({ prisma, username: user.username, name: 'test' });
      return { ...user, token, headers: { authorization: `Bearer ${token}` } };
    },
    close: async () => {
      await diffWorker?.stop();
      await server.close();
      await runtime.close();
      await database.drop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
