import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_OPERATOR_TOKEN_PREFIX,
  LOCAL_OPERATOR_USER_HEADER,
  ZSession,
} from '@planning-hub/contracts/api/auth';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { ZListUsersResponse, ZUserChangeResponse, ZUserSummary } from '@planning-hub/contracts/api/users';
import { createLocalOperatorSecret } from '@planning-hub/server/services/auth/local-operator';
import { buildApp } from '../../src/build-app';
import { listenOnFreePort, type TListeningApp } from '../support/listen';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

describe('user administration (/api/admin/users)', () => {
  let server: TTestServer;
  let admin: TTokenCaller;
  /** The same API and database, started with a local operator secret as `npm start` does. */
  let localApp: TListeningApp;
  const localSecret = createLocalOperatorSecret();

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUserWithToken('admin');
    localApp = await listenOnFreePort(await buildApp(server.runtime, { localOperatorSecret: localSecret }));
  });

  afterAll(async () => {
    await localApp?.close();
    await server?.close();
  });

  const send = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = admin.headers,
  ) =>
    server.fetch(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const patchUser = (username: string, body: unknown, headers?: Record<string, string>) =>
    send('PATCH', API.adminUser(username), body, headers);
  const resetPassword = (username: string, password: string) =>
    send('POST', API.adminUserPassword(username), { password });
  const me = (headers: Record<string, string>) => server.fetch(API.me, { headers });
  const problemOf = async (res: Response) => ZProblemDetails.parse(await res.json());
  /** GET /api/auth/me as the local operator `osUser` (which creates its user `local:<osUser>` on first use). */
  const localMe = (osUser: string) =>
    fetch(`${localApp.baseUrl}${API.me}`, {
      headers: {
        authorization: `Bearer ${LOCAL_OPERATOR_TOKEN_PREFIX}${localSecret}`,
        [LOCAL_OPERATOR_USER_HEADER]: osUser,
      },
    });

  it('keeps every non-admin out of /api/admin/*', async () => {
    for (const role of ['viewer', 'planner', 'reviewer'] as const) {
      const caller = await server.createUserWithToken(role);
      const list = await server.fetch(API.adminUsers, { headers: caller.headers });
      expect(list.status, role).toBe(403);
      const create = await send(
        'POST',
        API.adminUsers,
        { username: 'sneaky', role: 'admin', password: 'x'.repeat(12) },
        caller.headers,
      );
      expect(create.status, role).toBe(403);
      expect((await patchUser(caller.username, { role: 'admin' }, caller.headers)).status, role).toBe(403);
    }
  });

  it('creates a user who can then sign in, and answers 409 for a username that exists', async () => {
    const res = await send('POST', API.adminUsers, {
      username: 'hanako',
      role: 'planner',
      employee_id: 'E100',
      password: 'hanako password 1',
    });
    expect(res.status).toBe(201);
    expect(ZUserSummary.parse(await res.json())).toMatchObject({
      username: 'hanako',
      role: 'planner',
      employeeId: 'E100',
      kind: 'person',
      disabledAt: null,
    });
    expect(
      (await postSignIn(server.fetch, { username: 'hanako', password: 'hanako password 1' })).status,
    ).toBe(200);

    const again = await send('POST', API.adminUsers, {
      username: 'hanako',
      role: 'viewer',
      password: 'another password',
    });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toBe("User 'hanako' already exists.");

    const short = await send('POST', API.adminUsers, {
      username: 'shorty',
      role: 'viewer',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect((await problemOf(short)).detail).toContain('at least 12 characters');
  });

  it('lists people and local operators with their kind, never a password hash', async () => {
    expect((await localMe('ops-list')).status).toBe(200);
    const res = await server.fetch(API.adminUsers, { headers: admin.headers });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('scrypt');
    const { items } = ZListUsersResponse.parse(JSON.parse(text));
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: admin.username, role: 'admin', kind: 'person' }),
        expect.objectContaining({ username: 'local:ops-list', role: 'admin', kind: 'local' }),
      ]),
    );
  });

  it('changes role and employee id, and the user sees it on the next request', async () => {
    const user = await server.createUserWithToken('viewer');
    const res = await patchUser(user.username, { role: 'reviewer', employee_id: 'E7' });
    expect(res.status).toBe(200);
    expect(ZUserChangeResponse.parse(await res.json())).toMatchObject({
      username: user.username,
      role: 'reviewer',
      employeeId: 'E7',
      endedSessions: 0,
      revokedTokens: 0,
    });
    expect(ZSession.parse(await (await me(user.headers)).json()).user).toEqual({
      username: user.username,
      role: 'reviewer',
      employeeId: 'E7',
    });
  });

  it('disables a user: their token and browser session stop at once; enabling brings back sign-in, not the token', async () => {
    const user = await server.createUser('planner');
    const browser = await postSignIn(server.fetch, { username: user.username, password: user.password });
    const cookie = browser.headers.getSetCookie()[0]!.split(';')[0]!;
    const login = await send(
      'POST',
      API.loginToken,
      { username: user.username, password: user.password },
      {},
    );
    const token = ((await login.json()) as { token: string }).token;
    expect((await me({ cookie })).status).toBe(200);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(200);

    const res = await patchUser(user.username, { disabled: true });
    expect(res.status).toBe(200);
    expect(ZUserChangeResponse.parse(await res.json())).toMatchObject({
      disabledAt: expect.any(String),
      endedSessions: 1,
      revokedTokens: 1,
    });
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect(
      (await postSignIn(server.fetch, { username: user.username, password: user.password })).status,
    ).toBe(401);

    const enabled = await patchUser(user.username, { disabled: false });
    expect(ZUserChangeResponse.parse(await enabled.json())).toMatchObject({
      disabledAt: null,
      revokedTokens: 0,
    });
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect(
      (await postSignIn(server.fetch, { username: user.username, password: user.password })).status,
    ).toBe(200);
  });

  it('resets a password: sessions and tokens end, the old password fails and the new one works', async () => {
    const user = await server.createUserWithSession('reviewer');
    const login = await send(
      'POST',
      API.loginToken,
      { username: user.username, password: user.password },
      {},
    );
    const token = ((await login.json()) as { token: string }).token;

    const res = await resetPassword(user.username, 'a brand new password');
    expect(res.status).toBe(200);
    expect(ZUserChangeResponse.parse(await res.json())).toMatchObject({
      username: user.username,
      endedSessions: 1,
      revokedTokens: 1,
    });
    expect((await me({ cookie: user.cookie })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect(
      (await postSignIn(server.fetch, { username: user.username, password: user.password })).status,
    ).toBe(401);
    expect(
      (await postSignIn(server.fetch, { username: user.username, password: 'a brand new password' })).status,
    ).toBe(200);
  });

  it('refuses to set a password for a local operator, or one that is too short', async () => {
    expect((await localMe('ops-pw')).status).toBe(200);
    const local = await resetPassword('local:ops-pw', 'a long enough password');
    expect(local.status).toBe(400);
    expect((await problemOf(local)).detail).toBe(
      "User 'local:ops-pw' is a local operator and has no password.",
    );

    const user = await server.createUser('viewer');
    expect((await resetPassword(user.username, 'short')).status).toBe(400);
  });

  it('disables a local operator, whose secret then opens nothing', async () => {
    expect((await localMe('ops-off')).status).toBe(200);
    const res = await patchUser('local:ops-off', { disabled: true });
    expect(res.status).toBe(200);
    expect(ZUserChangeResponse.parse(await res.json())).toMatchObject({
      username: 'local:ops-off',
      kind: 'local',
    });
    expect((await localMe('ops-off')).status).toBe(401);
  });

  it('does not let an admin disable themself or lower their own role', async () => {
    const self = await server.createUserWithToken('admin');
    const disable = await patchUser(self.username, { disabled: true }, self.headers);
    expect(disable.status).toBe(409);
    expect((await problemOf(disable)).detail).toBe(
      `You cannot disable yourself ('${self.username}'); ask another admin.`,
    );

    const demote = await patchUser(self.username, { role: 'reviewer' }, self.headers);
    expect(demote.status).toBe(409);
    expect((await problemOf(demote)).detail).toContain('You cannot lower your own role');

    expect((await me(self.headers)).status).toBe(200);
    expect(ZSession.parse(await (await me(self.headers)).json()).user.role).toBe('admin');
    // Anything else about themself is fine.
    expect((await patchUser(self.username, { employee_id: 'E1' }, self.headers)).status).toBe(200);
  });

  it('names what it could not find or read', async () => {
    const ghost = await patchUser('ghost', { role: 'viewer' });
    expect(ghost.status).toBe(404);
    expect((await problemOf(ghost)).detail).toBe("User 'ghost' not found.");

    const bad = await patchUser('two words', { role: 'viewer' });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).detail).toContain("Username 'two words' is not valid");

    const empty = await patchUser(admin.username, {});
    expect(empty.status).toBe(400);
    expect((await problemOf(empty)).detail).toContain('Give role, employee_id or disabled.');
  });
});
