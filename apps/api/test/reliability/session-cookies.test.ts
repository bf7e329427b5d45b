import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBrowserSession, ZSession } from '@planning-hub/contracts/api/auth';
import { API } from '@planning-hub/contracts/api/routes';
import { sha256Hex } from '@planning-hub/server/services/auth/secrets';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer } from '../support/test-server';

/**
 * Sessions under HTTPS get the `__Host-` cookie prefix (Secure, Path=/, no Domain: a
 * sibling subdomain or a plain-http page cannot plant or overwrite it), and a session
 * nobody uses for SESSION_IDLE_MINUTES ends before its absolute lifetime.
 * HTTPS is a TLS-terminating proxy on this host: X-Forwarded-Proto from loopback.
 */

let server: TTestServer;
const HTTPS = { 'x-forwarded-proto': 'https' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function setCookieOf(res: Response, name: string): { cookie: string; attributes: string[] } {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(res.headers.getSetCookie())}`);
  const [cookie, ...attributes] = line.split(';').map((part) => part.trim());
  return { cookie: cookie!, attributes };
}

describe('the session cookie', () => {
  it('is __Host-planning_hub_session under HTTPS: Secure, Path=/, no Domain, and it opens the session', async () => {
    const user = await server.createUser('viewer');
    const res = await postSignIn(server.fetch, { username: user.username, password: user.password }, HTTPS);
    expect(res.status).toBe(200);
    const { cookie, attributes } = setCookieOf(res, '__Host-planning_hub_session');
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']));
    expect(attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('planning_hub_session='))).toBe(false);

    expect((await server.fetch(API.me, { headers: { ...HTTPS, cookie } })).status).toBe(200);
    // Under HTTPS the unprefixed name is what the prefix exists to refuse (anyone who can set a cookie for the host could plant it).
    const unprefixed = cookie.replace(/^__Host-/, '');
    expect((await server.fetch(API.me, { headers: { ...HTTPS, cookie: unprefixed } })).status).toBe(401);

    const { csrfToken } = ZSession.parse(
      await (await server.fetch(API.me, { headers: { ...HTTPS, cookie } })).json(),
    );
    const out = await server.fetch(API.signOut, {
      method: 'POST',
      headers: { ...HTTPS, cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(setCookieOf(out, '__Host-planning_hub_session').attributes).toEqual(
      expect.arrayContaining(['Path=/', 'Secure', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']),
    );
  });

  it('keeps the name planning_hub_session on plain http, where a Secure cookie would be dropped', async () => {
    const user = await server.createUser('viewer');
    const res = await postSignIn(server.fetch, { username: user.username, password: user.password });
    const { cookie, attributes } = setCookieOf(res, 'planning_hub_session');
    expect(attributes).not.toContain('Secure');
    expect((await server.fetch(API.me, { headers: { cookie } })).status).toBe(200);
  });

  it("names the cookie in POST /api/auth/browser-session as the request's scheme wants it (planning evidence)", async () => {
    const caller = await server.createUserWithToken('viewer');
    const opened = async (headers: Record<string, string>) =>
      ZBrowserSession.parse(
        await (
          await server.fetch(API.browserSession, {
            method: 'POST',
            headers: { ...caller.headers, ...headers },
          })
        ).json(),
      );
    const secure = await opened(HTTPS);
    expect(secure.cookieName).toBe('__Host-planning_hub_session');
    expect(
      (
        await server.fetch(API.me, {
          headers: { ...HTTPS, cookie: `${secure.cookieName}=${secure.sessionId}` },
        })
      ).status,
    ).toBe(200);
    expect((await opened({})).cookieName).toBe('planning_hub_session');
  });
});

describe('idle sessions (SESSION_IDLE_MINUTES, default 60)', () => {
  async function idleFor(cookie: string, minutes: number): Promise<void> {
    const id = cookie.split('=')[1]!;
    await server.runtime.db.pool.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE id_hash = $1`,
      [sha256Hex(id), minutes],
    );
  }

  it('keeps a session used 59 minutes ago and ends one left alone for 61 minutes, well within its 12 hours', async () => {
    const recent = await server.createUserWithSession('viewer');
    await idleFor(recent.cookie, 59);
    expect((await server.fetch(API.me, { headers: recent.headers })).status).toBe(200);

    const idle = await server.createUserWithSession('viewer');
    await idleFor(idle.cookie, 61);
    const res = await server.fetch(API.me, { headers: idle.headers });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(/planning_hub_session=;/);
    const { rows } = await server.runtime.db.pool.query('SELECT 1 FROM sessions WHERE id_hash = $1', [
      sha256Hex(idle.cookie.split('=')[1]!),
    ]);
    expect(rows).toEqual([]);
  });

  it('slides: a session in use keeps going', async () => {
    const caller = await server.createUserWithSession('viewer');
    await idleFor(caller.cookie, 50);
    expect((await server.fetch(API.me, { headers: caller.headers })).status).toBe(200);
    // Seen just now: another 50 minutes later it is still 50 minutes idle, not 100.
    await server.runtime.db.pool.query(
      `UPDATE sessions SET last_seen_at = last_seen_at - interval '50 minutes', created_at = created_at - interval '100 minutes' WHERE id_hash = $1`,
      [sha256Hex(caller.cookie.split('=')[1]!)],
    );
    expect((await server.fetch(API.me, { headers: caller.headers })).status).toBe(200);
  });
});
