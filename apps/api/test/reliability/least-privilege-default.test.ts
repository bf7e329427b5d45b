import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZSession } from '@planning-hub/contracts/api/auth';
import { API } from '@planning-hub/contracts/api/routes';
import { ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { startEmbeddedPostgres } from '@planning-hub/server/database/embedded-postgres';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiInstance, startApiProcess } from '../support/api-instances';
import { findFreePort } from '../support/listen';
import { postSignIn } from '../support/sign-in';

/**
 * Least privilege by default (issue 15): started as `npm start` starts it (embedded
 * PostgreSQL, default settings), the server connects as a login role that is neither a
 * superuser nor the owner; the superuser's password is generated, not `planning_hub`.
 * Each case starts `node apps/api/src/server.ts` with a data folder and port of its own.
 */

const ADMIN_PASSWORD = 'reliability-admin-password';
const isRoot = process.getuid?.() === 0;

type TEmbeddedRun = { dir: string; dataDir: string; port: number; baseUrl: string; child: ChildProcess };
const runs: TEmbeddedRun[] = [];

async function scratchFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-embedded-'));
  // As root, the embedded PostgreSQL runs as the `postgres` OS user, which must reach its data folder.
  await chmod(dir, 0o711);
  return dir;
}

async function startAsNpmStartDoes(dir: string, port: number): Promise<TEmbeddedRun> {
  const dataDir = path.join(dir, '.data');
  const { baseUrl, child } = await startApiProcess({
    databaseUrl: undefined,
    workDir: dir,
    env: { EMBEDDED_PG_PORT: String(port), PLANNING_HUB_DATA_DIR: dataDir },
  });
  const run = { dir, dataDir, port, baseUrl, child };
  runs.push(run);
  return run;
}

/** SIGTERM, as a terminal's Ctrl-C: the server stops its embedded PostgreSQL on the way out. */
async function stop(run: TEmbeddedRun): Promise<void> {
  if (run.child.exitCode === null) {
    const exited = once(run.child, 'exit');
    run.child.kill('SIGTERM');
    await exited;
  }
}

type TCredentials = {
  superuser: { user: string; password: string };
  app: { user: string; password: string };
};
const credentialsOf = async (run: TEmbeddedRun): Promise<TCredentials> =>
  JSON.parse(await readFile(path.join(run.dataDir, 'postgres-credentials.json'), 'utf8'));

async function connectAs(
  run: TEmbeddedRun,
  user: string,
  password: string,
  database = 'planning_hub',
): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port: run.port, user, password, database });
  await client.connect();
  return client;
}

/** Who the server's own connections are, as pg_stat_activity shows them to the superuser. */
async function serverConnectionRoles(
  run: TEmbeddedRun,
): Promise<Array<{ role: string; super: boolean; owner: boolean; member: boolean }>> {
  const { superuser } = await credentialsOf(run);
  const admin = await connectAs(run, superuser.user, superuser.password);
  try {
    const { rows } = await admin.query(
      `SELECT DISTINCT a.usename AS role, r.rolsuper AS super,
              pg_has_role(a.usename, d.datdba, 'MEMBER') AS owner,
              pg_has_role(a.usename, 'planning_hub_app', 'MEMBER') AS member
         FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename JOIN pg_database d ON d.datname = a.datname
        WHERE a.datname = 'planning_hub' AND a.pid <> pg_backend_pid()`,
    );
    return rows;
  } finally {
    await admin.end();
  }
}

/** Signs in as the first admin and uploads a bundle: writes work as the login role. */
async function uploadThroughTheApi(run: TEmbeddedRun): Promise<void> {
  const signIn = await postSignIn((p, init) => fetch(`${run.baseUrl}${p}`, init), {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = ZSession.parse(await signIn.json());
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const upload = await fetch(`${run.baseUrl}${API.upload('least_default')}`, {
    method: 'POST',
    headers,
    body: bundleFormData({ version_id: 'A' }),
  });
  expect(upload.status).toBe(201);
  const verdict = ZVerifyEventsResponse.parse(
    await (await fetch(`${run.baseUrl}${API.eventsVerify('least_default')}`, { headers })).json(),
  );
  expect(verdict).toMatchObject({ ok: true, checked: 1, keyed: 1 });
}

afterAll(async () => {
  for (const run of runs) {
    await stop(run).catch(() => {});
    await rm(run.dir, { recursive: true, force: true });
  }
});

describe('the embedded database, as npm start runs it', () => {
  it('connects the server as a login role that is neither superuser nor owner, with generated passwords in a 0600 file', async () => {
    const run = await startAsNpmStartDoes(await scratchFolder(), await findFreePort());
    const roles = await serverConnectionRoles(run);
    expect(roles.length).toBeGreaterThan(0);
    const { app, superuser } = await credentialsOf(run);
    expect(roles).toEqual([{ role: app.user, super: false, owner: false, member: true }]);

    const file = await stat(path.join(run.dataDir, 'postgres-credentials.json'));
    expect(file.mode & 0o777).toBe(0o600);
    expect((await stat(run.dataDir)).mode & 0o777).toBe(isRoot ? 0o711 : 0o700);
    expect((await stat(path.join(run.dataDir, 'audit-hmac-key'))).mode & 0o777).toBe(0o600);
    expect(superuser.password).not.toBe('planning_hub');
    expect(superuser.password.length).toBeGreaterThanOrEqual(32);
    await expect(connectAs(run, 'planning_hub', 'planning_hub', 'postgres')).rejects.toMatchObject({
      code: '28P01',
    });

    // The app's own role cannot take the audit trail apart, trigger or not.
    const appClient = await connectAs(run, app.user, app.password);
    try {
      await expect(
        appClient.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL'),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(appClient.query('DELETE FROM planning_input_set_events')).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await appClient.end();
    }
    await uploadThroughTheApi(run);
  });

  it('rotates the fixed planning_hub password of an existing .data install and moves the server to the login role', async () => {
    const dir = await scratchFolder();
    const port = await findFreePort();
    const dataDir = path.join(dir, '.data');
    // An install made before this change: superuser planning_hub with the password planning_hub.
    const legacy = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port,
      superuser: { user: 'planning_hub', password: 'planning_hub' },
    });
    const old = new pg.Client({ connectionString: legacy.urlFor('postgres') });
    await old.connect();
    await old.query('CREATE DATABASE planning_hub');
    await old.end();
    await legacy.stop();
    expect(existsSync(path.join(dataDir, 'postgres-credentials.json'))).toBe(false);

    const run = await startAsNpmStartDoes(dir, port);
    const { app, superuser } = await credentialsOf(run);
    expect(await serverConnectionRoles(run)).toEqual([
      { role: app.user, super: false, owner: false, member: true },
    ]);
    await expect(connectAs(run, 'planning_hub', 'planning_hub', 'postgres')).rejects.toMatchObject({
      code: '28P01',
    });
    const admin = await connectAs(run, superuser.user, superuser.password, 'postgres');
    await admin.end();
    await uploadThroughTheApi(run);

    // A second start reads the same credentials.
    await stop(run);
    const again = await startAsNpmStartDoes(dir, port);
    expect(await credentialsOf(again)).toEqual({ ...(await credentialsOf(run)) });
    expect(await serverConnectionRoles(again)).toEqual([
      { role: app.user, super: false, owner: false, member: true },
    ]);
  });
});

describe('DATABASE_URL alone, or with DATABASE_OWNER_URL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let workDir: string;
  const LOGIN_ROLE = `planning_hub_api_${process.pid}`;
  const LOGIN_PASSWORD = 'least-privilege-default-test';

  beforeAll(async () => {
    database = await createTestDatabase();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-owner-url-'));
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${LOGIN_ROLE}`);
    await admin.query(
      `CREATE ROLE ${LOGIN_ROLE} LOGIN PASSWORD '${LOGIN_PASSWORD}' IN ROLE planning_hub_app`,
    );
    await admin.query(`GRANT CREATE ON DATABASE ${database.name} TO planning_hub_app`);
    await admin.end();
  });
  afterAll(async () => {
    await database?.drop();
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${LOGIN_ROLE}`);
    await admin.end();
    await rm(workDir, { recursive: true, force: true });
  });

  it('warns when the app connects as a superuser (DATABASE_URL alone, as before)', async () => {
    const api = await startApiInstance({ databaseUrl: database.url, workDir });
    try {
      const warning = api.logLines.find((l) => l.level === 40 && /superuser/.test(l.msg));
      expect(warning?.msg).toMatch(/DATABASE_OWNER_URL/);
    } finally {
      await api.stop();
    }
  });

  it('migrates and writes the policy as DATABASE_OWNER_URL while the app connects as the login role, without a warning', async () => {
    const appUrl = new URL(database.url);
    appUrl.username = LOGIN_ROLE;
    appUrl.password = LOGIN_PASSWORD;
    const api = await startApiInstance({
      databaseUrl: appUrl.toString(),
      workDir,
      env: { DATABASE_OWNER_URL: database.url, FOUR_EYES: 'true' },
    });
    try {
      const { rows } = await api.runtime.db.pool.query(
        `SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super,
                (SELECT four_eyes FROM planning_hub_policy WHERE id = 1) AS four_eyes`,
      );
      expect(rows[0]).toEqual({ me: LOGIN_ROLE, super: false, four_eyes: true });
      expect(api.logLines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});
