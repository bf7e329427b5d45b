import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSession } from '@planning-hub/contracts/api/auth';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer } from '../support/test-server';

/** `planning_hub_session=<id>` (`__Host-planning_hub_session` under https) from a Set-Cookie answer. */
function sessionCookieOf(
  res: Response,
  name = 'planning_hub_session',
): { cookie: string; attributes: string } {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error('no session cookie set');
  const [cookie, ...attributes] = line.split(';');
  return { cookie: cookie!, attributes: attributes.join(';') };
}

describe('POST /api/auth/sign-in', () => {
  let server: TTestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('signs in with the right password, answers the session and sets an httpOnly SameSite=Lax cookie', async () => {
    const user = await server.createUser('planner', { employeeId: 'E42' });
    const res = await postSignIn(server.fetch, { username: user.username, password: user.password });
    expect(res.status).toBe(200);
    const session = ZSession.parse(await res.json());
    expect(session.user).toEqual({ username: user.username, role: 'planner', employeeId: 'E42' });
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { cookie, attributes } = sessionCookieOf(res);
    expect(cookie).toMatch(/^planning_hub_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toMatch(/HttpOnly/i);
    expect(attributes).toMatch(/SameSite=Lax/i);
    expect(attributes).toMatch(/Path=\//);
    expect(attributes).toMatch(/Expires=/);
    // Plain http with COOKIE_SECURE=auto: no Secure flag, or the browser would drop it.
    expect(attributes).not.toMatch(/Secure/i);

    const me = await server.fetch('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(ZSession.parse(await me.json())).toEqual(session);
  });

  it('marks the cookie Secure, with the __Host- prefix, behind an https proxy when COOKIE_SECURE=auto', async () => {
    const user = await server.createUser('viewer');
    const res = await postSignIn(
      server.fetch,
      { username: user.username, password: user.password },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res, '__Host-planning_hub_session').attributes).toMatch(/Secure/i);
  });

  it('refuses a wrong password with 401 problem+json and sets no cookie', async () => {
    const user = await server.createUser('viewer');
    const res = await postSignIn(server.fetch, { username: user.username, password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(ZProblemDetails.parse(await res.json())).toMatchObject({
      code: 'unauthenticated',
      detail: 'Wrong username or password.',
    });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const res = await postSignIn(server.fetch, { username: 'nobody-here', password: 'whatever it is' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ detail: 'Wrong username or password.' });
  });

  it('answers 400 for a body that is not a sign-in request', async () => {
    const res = await postSignIn(server.fetch, { username: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad_request' });
  });

  it('answers 429 after 10 failed attempts for one username from one address, then also for the right password', async () => {
    const user = await server.createUser('reviewer');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const res = await postSignIn(server.fetch, { username: user.username, password: `wrong ${attempt}` });
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const limited = await postSignIn(server.fetch, { username: user.username, password: user.password });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(ZProblemDetails.parse(await limited.json())).toMatchObject({
      code: 'rate_limited',
      detail: `Too many sign-in attempts for '${user.username}'. Try again in 15 minutes.`,
    });

    // Another user on the same address is not locked out.
    const other = await server.createUser('viewer');
    const ok = await postSignIn(server.fetch, { username: other.username, password: other.password });
    expect(ok.status).toBe(200);
  });

  it('does not count successful sign-ins against the limit', async () => {
    const user = await server.createUser('viewer');
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const res = await postSignIn(server.fetch, { username: user.username, password: user.password });
      expect(res.status, `sign-in ${attempt}`).toBe(200);
    }
  });

  it('issues a new session id on every sign-in and retires the one the browser already had (fixation)', async () => {
    const user = await server.createUser('viewer');
    const credentials = { username: user.username, password: user.password };
    const first = sessionCookieOf(await postSignIn(server.fetch, credentials)).cookie;
    const second = await postSignIn(server.fetch, credentials, { cookie: first });
    expect(second.status).toBe(200);
    const secondCookie = sessionCookieOf(second).cookie;
    expect(secondCookie).not.toBe(first);
    expect((await server.fetch('/api/auth/me', { headers: { cookie: first } })).status).toBe(401);
    expect((await server.fetch('/api/auth/me', { headers: { cookie: secondCookie } })).status).toBe(200);

    // An id planted by someone else (unknown to the server) is never adopted either.
    const planted = 'planning_hub_session=' + 'A'.repeat(43);
    const third = await postSignIn(server.fetch, credentials, { cookie: planted });
    expect(sessionCookieOf(third).cookie).not.toBe(planted);
  });
});

describe('POST /api/auth/sign-out', () => {
  let server: TTestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('ends the session, clears the cookie and answers 204', async () => {
    const caller = await server.createUserWithSession('viewer');
    const res = await server.fetch('/api/auth/sign-out', { method: 'POST', headers: caller.headers });
    expect(res.status).toBe(204);
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('planning_hub_session='));
    expect(cleared).toMatch(/^planning_hub_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await server.fetch('/api/auth/me', { headers: caller.headers })).status).toBe(401);
  });

  it('answers 401 when nobody is signed in', async () => {
    const res = await server.fetch('/api/auth/sign-out', { method: 'POST' });
    expect(res.status).toBe(401);
  });
});
