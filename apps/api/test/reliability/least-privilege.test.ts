import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZDiffResponse } from '@planning-hub/contracts/api/diff';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import type { TRole } from '@planning-hub/contracts/api/auth';
import type { TRuntime } from '@planning-hub/server/runtime';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiInstance, type TApiInstance } from '../support/api-instances';
import { postSignIn } from '../support/sign-in';

/**
 * The API run as operators are told to run it (docs/reliability.md): connected as a
 * login role that is a member of planning_hub_app, not as the database owner. Every
 * operation works; the events table is append-only by privilege; and with the
 * four-eyes policy on in the database (set by the owner), a self-approval is refused
 * even though FOUR_EYES is off in the app: this role may not turn the policy off.
 */

const LOGIN_ROLE = `planning_hub_api_${randomBytes(4).toString('hex')}`;
const LOGIN_PASSWORD = randomBytes(12).toString('hex');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: pg.Client;
let api: TApiInstance | undefined;
let runtime: TRuntime;
let baseUrl: string;
let workDir: string;

const headersOf = new Map<string, Record<string, string>>();

async function callerWith(role: TRole, name: string): Promise<Record<string, string>> {
  const username = `${name}-${randomBytes(3).toString('hex')}`;
  await createUser({
    prisma: runtime.db.prisma,
    username,
    role,
    employeeId: null,
    password: `pw-${LOGIN_PASSWORD}`,
  });
  const { token } = await createApiToken({ prisma: runtime.db.prisma, username, name: 'test' });
  const headers = { authorization: `Bearer ${token}` };
  headersOf.set(name, headers);
  return headers;
}

const call = (urlPath: string, init: RequestInit = {}) => fetch(`${baseUrl}${urlPath}`, init);
const postJson = (urlPath: string, headers: Record<string, string>, body: unknown) =>
  call(urlPath, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const upload = (label: string, headers: Record<string, string>, versionId: string) =>
  call(API.upload(label), { method: 'POST', headers, body: bundleFormData({ version_id: versionId }) });

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE ROLE ${LOGIN_ROLE} LOGIN PASSWORD '${LOGIN_PASSWORD}' IN ROLE planning_hub_app`);
  // The migration granted this on the template; a database cloned from it does not inherit database-level grants.
  await admin.query(`GRANT CREATE ON DATABASE ${database.name} TO planning_hub_app`);
  // The owner's policy (pnpm db:migrate with FOUR_EYES=true): the app's role may only read it.
  const owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  await owner.query('UPDATE planning_hub_policy SET four_eyes = true WHERE id = 1');
  await owner.end();
  const appUrl = new URL(database.url);
  appUrl.username = LOGIN_ROLE;
  appUrl.password = LOGIN_PASSWORD;
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-least-privilege-'));
  api = await startApiInstance({
    databaseUrl: appUrl.toString(),
    workDir,
    env: { FOUR_EYES: 'false', DIFF_POLL_INTERVAL_SECONDS: '0.5' },
  });
  runtime = api.runtime;
  baseUrl = api.baseUrl;
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
  await admin?.query(`DROP ROLE IF EXISTS ${LOGIN_ROLE}`);
  await admin?.end();
  await rm(workDir, { recursive: true, force: true });
});

describe(`the API connected as a member of planning_hub_app`, () => {
  it('is not the owner and not a superuser', async () => {
    const { rows } = await runtime.db.pool.query(
      "SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super, pg_has_role(current_user, 'planning_hub_app', 'MEMBER') AS member",
    );
    expect(rows[0]).toEqual({ me: LOGIN_ROLE, super: false, member: true });
  });

  it('uploads, overwrites, approves, diffs, exports, runs, archives and verifies the events', async () => {
    const planner = await callerWith('planner', 'planner');
    const reviewer = await callerWith('reviewer', 'reviewer');
    const adminCaller = await callerWith('admin', 'admin');
    expect((await upload('least', planner, 'A')).status).toBe(201);
    expect((await upload('least', planner, 'B')).status).toBe(201);
    expect(
      (await postJson(API.review('least@draft'), reviewer, { action: 'approve', comment: 'ok' })).status,
    ).toBe(200);
    expect((await upload('least', planner, 'C')).status).toBe(201);

    // The diff job runs in pg-boss, whose schema this role created at start-up.
    let diff = await call(API.diff('least@draft'), { headers: planner });
    for (let i = 0; diff.status === 202 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      diff = await call(API.diff('least@draft'), { headers: planner });
    }
    expect(diff.status).toBe(200);
    expect(ZDiffResponse.parse(await diff.json()).state).toBe('done');

    expect((await call(API.exportZip('least'), { headers: planner })).status).toBe(200);
    const run = await postJson(API.runs, planner, { input_set_label: 'least' });
    expect(run.status).toBe(201);
    expect((await postJson(API.archive('least@draft'), adminCaller, { comment: 'not needed' })).status).toBe(
      200,
    );

    const verify = await call(API.eventsVerify('least'), { headers: planner });
    expect(await verify.json()).toMatchObject({ ok: true, checked: 6 });
  });

  it('signs in and out with a password (sessions are written and deleted)', async () => {
    const username = `session-${randomBytes(3).toString('hex')}`;
    await createUser({
      prisma: runtime.db.prisma,
      username,
      role: 'viewer',
      employeeId: null,
      password: 'a-long-enough-password',
    });
    const signIn = await postSignIn(call, { username, password: 'a-long-enough-password' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    expect(
      (await call(API.signOut, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status,
    ).toBe(204);
  });

  it('cannot rewrite, delete or truncate the audit trail over its own connections', async () => {
    for (const sql of [
      "UPDATE planning_input_set_events SET comment = 'rewritten'",
      'DELETE FROM planning_input_set_events',
      'TRUNCATE planning_input_set_events',
    ]) {
      await expect(runtime.db.pool.query(sql)).rejects.toMatchObject({
        code: '42501',
        message: 'permission denied for table planning_input_set_events',
      });
    }
  });

  it('keeps the database policy on (FOUR_EYES=false in the app cannot turn it off) and refuses a self-approval with 403', async () => {
    expect(await runtime.db.pool.query('SELECT four_eyes FROM planning_hub_policy')).toMatchObject({
      rows: [{ four_eyes: true }],
    });
    const both = await callerWith('reviewer', 'uploader-and-reviewer');
    expect((await upload('self_review', both, 'A')).status).toBe(201);
    const res = await postJson(API.review('self_review@draft'), both, {
      action: 'approve',
      comment: 'my own',
    });
    expect(res.status).toBe(403);
    expect(ZProblemDetails.parse(await res.json()).detail).toMatch(
      /^Four-eyes policy: '.+' uploaded the current content of 'self_review@draft' and cannot also approve it\.$/,
    );
    const { rows } = await runtime.db.pool.query(
      "SELECT status, (SELECT count(*)::int FROM planning_input_set_events e WHERE e.label = s.label AND e.action = 'approve') AS approvals FROM planning_input_sets s WHERE label = 'self_review'",
    );
    expect(rows).toEqual([{ status: 'draft', approvals: 0 }]);
    // Somebody else may approve it.
    expect(
      (
        await postJson(API.review('self_review@draft'), headersOf.get('reviewer')!, {
          action: 'approve',
          comment: 'ok',
        })
      ).status,
    ).toBe(200);
  });
});
