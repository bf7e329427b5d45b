import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSession } from '@planning-hub/contracts/api/auth';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { revokeApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { sha256Hex } from '@planning-hub/server/services/auth/secrets';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer } from '../support/test-server';

const INVALID_TOKEN =
  'The API token is not valid: it is unknown, expired or revoked, or its user is disabled.';

describe('session cookies, API tokens and CSRF', () => {
  let server: TTestServer;
  const sql = { query: (text: string, values?: unknown[]) => server.runtime.db.pool.query(text, values) };

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  const problemOf = async (res: Response) => ZProblemDetails.parse(await res.json());

  describe('GET /api/auth/me', () => {
    it('answers the user and the CSRF token for a session cookie', async () => {
      const caller = await server.createUserWithSession('reviewer');
      const res = await server.fetch('/api/auth/me', { headers: { cookie: caller.cookie } });
      expect(res.status).toBe(200);
      expect(ZSession.parse(await res.json())).toEqual({
        user: { username: caller.username, role: 'reviewer', employeeId: null },
        csrfToken: caller.csrfToken,
        via: 'session',
        tokenExpiresAt: null,
      });
    });

    it('answers the user for a bearer token (no CSRF token needed), and when the token expires', async () => {
      const caller = await server.createUserWithToken('planner');
      const res = await server.fetch('/api/auth/me', { headers: caller.headers });
      expect(res.status).toBe(200);
      const session = ZSession.parse(await res.json());
      expect(session).toEqual({
        user: { username: caller.username, role: 'planner', employeeId: null },
        csrfToken: '',
        via: 'token',
        tokenExpiresAt: expect.any(String),
      });
      const { rows } = await sql.query('SELECT expires_at FROM api_tokens WHERE token_hash = $1', [
        sha256Hex(caller.token),
      ]);
      expect(session.tokenExpiresAt).toBe(rows[0].expires_at.toISOString());
    });

    it('answers 401 problem+json without credentials', async () => {
      const res = await server.fetch('/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await problemOf(res)).toMatchObject({
        code: 'unauthenticated',
        detail: 'Sign in or send an API token.',
      });
    });

    it('answers 401 for an unknown cookie and a made-up token', async () => {
      const cookie = await server.fetch('/api/auth/me', {
        headers: { cookie: 'planning_hub_session=forged' },
      });
      expect(cookie.status).toBe(401);
      const token = await server.fetch('/api/auth/me', {
        headers: { authorization: `Bearer ph_00000000_${'x'.repeat(43)}` },
      });
      expect(token.status).toBe(401);
      expect(await problemOf(token)).toMatchObject({ detail: INVALID_TOKEN });
      const basic = await server.fetch('/api/auth/me', {
        headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
      });
      expect(basic.status).toBe(401);
    });

    it('keeps helmet security headers on API answers', async () => {
      const res = await server.fetch('/api/auth/me');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });
  });

  it('refuses an expired session with 401, deletes it and clears the cookie', async () => {
    const caller = await server.createUserWithSession('viewer');
    const idHash = sha256Hex(caller.cookie.split('=')[1]!);
    await sql.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id_hash = $1`, [
      idHash,
    ]);
    const res = await server.fetch('/api/auth/me', { headers: caller.headers });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(/planning_hub_session=;/);
    expect((await sql.query('SELECT 1 FROM sessions WHERE id_hash = $1', [idHash])).rowCount).toBe(0);
  });

  it('refuses a revoked token on the very next request', async () => {
    const caller = await server.createUserWithToken('admin');
    expect((await server.fetch('/api/auth/me', { headers: caller.headers })).status).toBe(200);
    await revokeApiToken({ prisma: server.runtime.db.prisma, prefix: caller.token.split('_')[1] });
    const res = await server.fetch('/api/auth/me', { headers: caller.headers });
    expect(res.status).toBe(401);
    expect(await problemOf(res)).toMatchObject({ detail: INVALID_TOKEN });
  });

  describe('CSRF on unsafe methods', () => {
    it('refuses a cookie POST without X-CSRF-Token with 403', async () => {
      const caller = await server.createUserWithSession('admin');
      const res = await server.fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { cookie: caller.cookie },
      });
      expect(res.status).toBe(403);
      expect(await problemOf(res)).toMatchObject({
        code: 'forbidden',
        detail: 'The X-CSRF-Token header is missing or does not match this session.',
      });
      expect((await server.fetch('/api/auth/me', { headers: { cookie: caller.cookie } })).status).toBe(200);
    });

    it("refuses a cookie POST with another session's CSRF token with 403", async () => {
      const caller = await server.createUserWithSession('viewer');
      const other = await server.createUserWithSession('viewer');
      const res = await server.fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { cookie: caller.cookie, 'x-csrf-token': other.csrfToken },
      });
      expect(res.status).toBe(403);
    });

    it('accepts a cookie POST with the matching X-CSRF-Token', async () => {
      const caller = await server.createUserWithSession('viewer');
      const res = await server.fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { cookie: caller.cookie, 'x-csrf-token': caller.csrfToken },
      });
      expect(res.status).toBe(204);
    });

    it('needs no CSRF token for a bearer POST', async () => {
      const caller = await server.createUserWithToken('viewer');
      const res = await server.fetch('/api/tokens', {
        method: 'POST',
        headers: { ...caller.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'no csrf' }),
      });
      expect(res.status).toBe(201);
    });

    it('needs no CSRF token for safe methods', async () => {
      const caller = await server.createUserWithSession('viewer');
      expect((await server.fetch('/api/auth/me', { headers: { cookie: caller.cookie } })).status).toBe(200);
    });
  });

  it('never stores passwords, session ids or token secrets in clear', async () => {
    const password = 'clear-text-canary-password';
    const user = await server.createUser('planner', { password });
    const signIn = await postSignIn(server.fetch, { username: user.username, password });
    const sessionId = signIn.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!;
    const tokenCaller = await server.createUserWithToken('planner');
    const secret = tokenCaller.token.split('_').slice(2).join('_');

    const dump = JSON.stringify([
      (await sql.query('SELECT * FROM users')).rows,
      (await sql.query('SELECT * FROM sessions')).rows,
      (await sql.query('SELECT * FROM api_tokens')).rows,
    ]);
    expect(dump).not.toContain(password);
    expect(dump).not.toContain(sessionId);
    expect(dump).not.toContain(secret);
    expect(dump).toContain(sha256Hex(sessionId));
    expect(dump).toContain(sha256Hex(tokenCaller.token));
    const { rows } = await sql.query('SELECT password_hash FROM users WHERE username = $1', [user.username]);
    expect(rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
  });
});
