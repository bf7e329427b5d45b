import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_OPERATOR_TOKEN_PREFIX,
  LOCAL_OPERATOR_USER_HEADER,
  ZBrowserSession,
  ZSession,
} from '@planning-hub/contracts/api/auth';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { ZCreatedToken, ZListTokensResponse, ZRevokeTokenResponse } from '@planning-hub/contracts/api/tokens';
import { createLocalOperatorSecret } from '@planning-hub/server/services/auth/local-operator';
import { sha256Hex } from '@planning-hub/server/services/auth/secrets';
import { buildApp } from '../../src/build-app';
import { listenOnFreePort, type TListeningApp } from '../support/listen';
import { startTestServer, type TTestServer } from '../support/test-server';

const DAY_MS = 86_400_000;

describe('personal API tokens: planning login, logout, tokens and browser sessions', () => {
  let server: TTestServer;
  /** The same API and database, started with a local operator secret as `npm start` does. */
  let localApp: TListeningApp;
  const localSecret = createLocalOperatorSecret();
  const sql = (text: string, values?: unknown[]) => server.runtime.db.pool.query(text, values);

  beforeAll(async () => {
    server = await startTestServer();
    localApp = await listenOnFreePort(await buildApp(server.runtime, { localOperatorSecret: localSecret }));
  });

  afterAll(async () => {
    await localApp?.close();
    await server?.close();
  });

  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    server.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const login = (body: Record<string, unknown>) => postJson(API.loginToken, body);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (headers: Record<string, string>) => server.fetch(API.me, { headers });
  const problemOf = async (res: Response) => ZProblemDetails.parse(await res.json());
  const localOperator = (osUser: string) => ({
    authorization: `Bearer ${LOCAL_OPERATOR_TOKEN_PREFIX}${localSecret}`,
    [LOCAL_OPERATOR_USER_HEADER]: osUser,
  });
  const callLocal = (path: string, osUser: string, body?: unknown) =>
    fetch(`${localApp.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...localOperator(osUser) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  describe('POST /api/auth/tokens (planning login)', () => {
    it('trades a username and password for a token that works for /api/auth/me, via token, for 90 days', async () => {
      const user = await server.createUser('planner', { employeeId: 'E9' });
      const before = Date.now();
      const res = await login({ username: user.username, password: user.password });
      expect(res.status).toBe(201);
      const created = ZCreatedToken.parse(await res.json());
      expect(created).toMatchObject({ username: user.username, name: 'planning-cli', revokedAt: null });
      expect(created.token).toMatch(new RegExp(`^ph_${created.prefix}_[A-Za-z0-9_-]{43}$`));

      const session = ZSession.parse(await (await me(bearer(created.token))).json());
      expect(session).toEqual({
        user: { username: user.username, role: 'planner', employeeId: 'E9' },
        csrfToken: '',
        via: 'token',
        tokenExpiresAt: created.expiresAt,
      });
      const lifetime = Date.parse(session.tokenExpiresAt!) - before;
      expect(lifetime).toBeGreaterThanOrEqual(90 * DAY_MS);
      expect(lifetime).toBeLessThan(90 * DAY_MS + 60_000);
    });

    it('names the token and sets its lifetime as asked', async () => {
      const user = await server.createUser('viewer');
      const res = await login({
        username: user.username,
        password: user.password,
        name: 'laptop',
        expires_in_days: 7,
      });
      const created = ZCreatedToken.parse(await res.json());
      expect(created.name).toBe('laptop');
      expect(Date.parse(created.expiresAt!) - Date.parse(created.createdAt)).toBeGreaterThan(
        7 * DAY_MS - 60_000,
      );
      expect(Date.parse(created.expiresAt!) - Date.parse(created.createdAt)).toBeLessThan(
        7 * DAY_MS + 60_000,
      );

      const tooLong = await login({ username: user.username, password: user.password, expires_in_days: 366 });
      expect(tooLong.status).toBe(400);
    });

    it('refuses a wrong password, an unknown user, a disabled user and a local operator with the sign-in message', async () => {
      const user = await server.createUser('viewer');
      const disabled = await server.createUser('viewer');
      await sql('UPDATE users SET disabled_at = now() WHERE username = $1', [disabled.username]);
      await callLocal(API.me, 'ops-login');
      const attempts = [
        { username: user.username, password: 'not the password' },
        { username: 'nobody-at-all', password: 'whatever it is' },
        { username: disabled.username, password: disabled.password },
        { username: 'local:ops-login', password: '!' },
      ];
      for (const attempt of attempts) {
        const res = await login(attempt);
        expect(res.status, attempt.username).toBe(401);
        expect(await problemOf(res), attempt.username).toMatchObject({
          code: 'unauthenticated',
          detail: 'Wrong username or password.',
        });
      }
      const { rows } = await sql(
        'SELECT count(*)::int AS n FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = ANY($1)',
        [attempts.map((a) => a.username)],
      );
      expect(rows[0].n).toBe(0);
    });

    it('answers 429 to the 11th failed attempt for one username, then also to the right password', async () => {
      const user = await server.createUser('reviewer');
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const res = await login({ username: user.username, password: `wrong ${attempt}` });
        expect(res.status, `attempt ${attempt}`).toBe(401);
      }
      const limited = await login({ username: user.username, password: `wrong 11` });
      expect(limited.status).toBe(429);
      expect(await problemOf(limited)).toMatchObject({
        code: 'rate_limited',
        detail: `Too many sign-in attempts for '${user.username}'. Try again in 15 minutes.`,
      });
      expect((await login({ username: user.username, password: user.password })).status).toBe(429);
      // Sign-in shares the count: the browser is no way around the limit.
      expect((await postJson(API.signIn, { username: user.username, password: user.password })).status).toBe(
        429,
      );
    });
  });

  describe('tokens stop working', () => {
    it('refuses an expired token with 401 that says to run planning login', async () => {
      const caller = await server.createUserWithToken('viewer');
      await sql(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [
        sha256Hex(caller.token),
      ]);
      const res = await me(caller.headers);
      expect(res.status).toBe(401);
      const problem = await problemOf(res);
      expect(problem.code).toBe('unauthenticated');
      expect(`${problem.detail} ${problem.hint}`).toContain('planning login');
    });

    it('refuses a token revoked through POST /api/tokens/revoke on the very next request', async () => {
      const caller = await server.createUserWithToken('planner');
      const prefix = caller.token.split('_')[1]!;
      const res = await postJson(API.revokeToken, { prefix }, caller.headers);
      expect(res.status).toBe(200);
      expect(ZRevokeTokenResponse.parse(await res.json())).toMatchObject({
        prefix,
        wasRevoked: false,
        revokedAt: expect.any(String),
      });
      expect((await me(caller.headers)).status).toBe(401);
    });

    it('revokes the token a sign-out came with (planning logout), and no other', async () => {
      const caller = await server.createUserWithToken('viewer');
      const other = ZCreatedToken.parse(
        await (await login({ username: caller.username, password: caller.password })).json(),
      );
      const res = await server.fetch(API.signOut, { method: 'POST', headers: caller.headers });
      expect(res.status).toBe(204);
      expect((await me(caller.headers)).status).toBe(401);
      expect((await me(bearer(other.token))).status).toBe(200);
    });

    it('signs out a local operator with 204 and ends nothing', async () => {
      const res = await callLocal(API.signOut, 'ops-out', {});
      expect(res.status).toBe(204);
      expect((await callLocal(API.me, 'ops-out')).status).toBe(200);
    });
  });

  describe('GET /api/tokens', () => {
    it('lists your own tokens without their secrets', async () => {
      const caller = await server.createUserWithToken('viewer');
      const res = await server.fetch(API.tokens, { headers: caller.headers });
      expect(res.status).toBe(200);
      const { items } = ZListTokensResponse.parse(await res.json());
      expect(items).toEqual([
        expect.objectContaining({ username: caller.username, prefix: caller.token.split('_')[1] }),
      ]);
      expect(JSON.stringify(items)).not.toContain(caller.token);
    });

    it("refuses a non-admin the tokens of someone else with 403, and lets an admin see anyone's", async () => {
      const viewer = await server.createUserWithToken('viewer');
      const reviewer = await server.createUserWithToken('reviewer');
      const admin = await server.createUserWithToken('admin');
      const refused = await server.fetch(`${API.tokens}?user=${viewer.username}`, {
        headers: reviewer.headers,
      });
      expect(refused.status).toBe(403);
      expect((await problemOf(refused)).detail).toContain(`'${viewer.username}'`);

      const allowed = await server.fetch(`${API.tokens}?user=${viewer.username}`, { headers: admin.headers });
      expect(allowed.status).toBe(200);
      expect(ZListTokensResponse.parse(await allowed.json()).items.map((t) => t.username)).toEqual([
        viewer.username,
      ]);

      const ghost = await server.fetch(`${API.tokens}?user=ghost`, { headers: admin.headers });
      expect(ghost.status).toBe(404);
      expect((await problemOf(ghost)).detail).toBe("User 'ghost' not found.");
    });
  });

  describe('POST /api/tokens', () => {
    it('creates a token for yourself', async () => {
      const caller = await server.createUserWithToken('viewer');
      const res = await postJson(API.tokens, { name: 'nightly', expires_in_days: 30 }, caller.headers);
      expect(res.status).toBe(201);
      const created = ZCreatedToken.parse(await res.json());
      expect(created).toMatchObject({ username: caller.username, name: 'nightly' });
      expect(ZSession.parse(await (await me(bearer(created.token))).json()).user.username).toBe(
        caller.username,
      );
    });

    it('lets only admins create a token for someone else', async () => {
      const planner = await server.createUserWithToken('planner');
      const admin = await server.createUserWithToken('admin');
      const refused = await postJson(API.tokens, { username: admin.username }, planner.headers);
      expect(refused.status).toBe(403);

      const res = await postJson(
        API.tokens,
        { username: planner.username, name: 'for the planner' },
        admin.headers,
      );
      expect(res.status).toBe(201);
      const created = ZCreatedToken.parse(await res.json());
      expect(ZSession.parse(await (await me(bearer(created.token))).json()).user).toMatchObject({
        username: planner.username,
        role: 'planner',
      });
    });

    it('lets a local operator create tokens for people but never for its own local user', async () => {
      const person = await server.createUser('planner');
      const own = await callLocal(API.tokens, 'ops-tokens', {});
      expect(own.status).toBe(400);
      expect((await problemOf(own)).detail).toContain("User 'local:ops-tokens' is a local operator");

      const forPerson = await callLocal(API.tokens, 'ops-tokens', { username: person.username });
      expect(forPerson.status).toBe(201);
      expect(ZCreatedToken.parse(await forPerson.json()).username).toBe(person.username);
    });
  });

  describe('POST /api/tokens/revoke', () => {
    it("answers 404 to a non-admin for someone else's token, which keeps working", async () => {
      const owner = await server.createUserWithToken('viewer');
      const stranger = await server.createUserWithToken('reviewer');
      const prefix = owner.token.split('_')[1]!;
      const res = await postJson(API.revokeToken, { prefix }, stranger.headers);
      expect(res.status).toBe(404);
      expect((await problemOf(res)).detail).toBe(`API token with prefix '${prefix}' not found.`);
      expect((await me(owner.headers)).status).toBe(200);
    });

    it("lets an admin revoke anyone's token by id", async () => {
      const owner = await server.createUserWithToken('viewer');
      const admin = await server.createUserWithToken('admin');
      const { rows } = await sql('SELECT id FROM api_tokens WHERE token_hash = $1', [sha256Hex(owner.token)]);
      const res = await postJson(API.revokeToken, { id: rows[0].id }, admin.headers);
      expect(res.status).toBe(200);
      expect(ZRevokeTokenResponse.parse(await res.json())).toMatchObject({
        username: owner.username,
        wasRevoked: false,
      });
      expect((await me(owner.headers)).status).toBe(401);
    });

    it('wants exactly one of prefix or id', async () => {
      const caller = await server.createUserWithToken('viewer');
      expect((await postJson(API.revokeToken, {}, caller.headers)).status).toBe(400);
      expect((await postJson(API.revokeToken, { prefix: 'deadbeef', id: 1 }, caller.headers)).status).toBe(
        400,
      );
    });
  });

  describe('POST /api/auth/browser-session', () => {
    it('gives a token caller a 10-minute cookie that opens GET /api/auth/me as the same user', async () => {
      const caller = await server.createUserWithToken('reviewer');
      const before = Date.now();
      const res = await server.fetch(API.browserSession, { method: 'POST', headers: caller.headers });
      expect(res.status).toBe(201);
      const opened = ZBrowserSession.parse(await res.json());
      expect(opened.cookieName).toBe('planning_hub_session');
      const lifetime = Date.parse(opened.expiresAt) - before;
      expect(lifetime).toBeGreaterThan(9 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 5_000);

      const cookie = `${opened.cookieName}=${opened.sessionId}`;
      const session = ZSession.parse(await (await me({ cookie })).json());
      expect(session).toEqual({
        user: { username: caller.username, role: 'reviewer', employeeId: null },
        csrfToken: opened.csrfToken,
        via: 'session',
        tokenExpiresAt: null,
      });
      const signOut = await server.fetch(API.signOut, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': opened.csrfToken },
      });
      expect(signOut.status).toBe(204);
      expect((await me({ cookie })).status).toBe(401);
      expect((await me(caller.headers)).status).toBe(200);
    });

    it('opens one for a local operator too', async () => {
      const res = await callLocal(API.browserSession, 'ops-evidence', {});
      expect(res.status).toBe(201);
      const opened = ZBrowserSession.parse(await res.json());
      const session = ZSession.parse(
        await (await me({ cookie: `${opened.cookieName}=${opened.sessionId}` })).json(),
      );
      expect(session.user.username).toBe('local:ops-evidence');
    });

    it('answers 400 to a caller that has a browser session already', async () => {
      const caller = await server.createUserWithSession('viewer');
      const res = await server.fetch(API.browserSession, { method: 'POST', headers: caller.headers });
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toContain('browser session already');
    });
  });
});
