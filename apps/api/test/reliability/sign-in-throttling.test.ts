import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer } from '../support/test-server';

/**
 * Password spraying and hash floods (issue 15). The app trusts loopback proxies
 * (`trust proxy` = loopback in app.ts), so a test connecting from 127.0.0.1 speaks for
 * any client address through X-Forwarded-For, as a reverse proxy on the same host does.
 */

let server: TTestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const from = (ip: string) => ({ 'x-forwarded-for': ip });

const postPassword = (path: string, body: unknown, headers: Record<string, string>) =>
  server.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return ZProblemDetails.parse(await res.json());
}

describe('sign-in throttling across usernames and addresses', () => {
  it('answers 429 to one address spraying 50 usernames before the 50th attempt, and not to another address', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 50; i += 1) {
      const res = await postSignIn(
        server.fetch,
        { username: `spray-${i}`, password: 'Winter2026!' },
        from('198.51.100.7'),
      );
      statuses.push(res.status);
      await res.body?.cancel();
    }
    // 30 failures per address: the 31st attempt is refused, well before the 50th.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited, `statuses: ${statuses.join(',')}`).toBe(30);
    expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);

    const limited = await postSignIn(
      server.fetch,
      { username: 'spray-51', password: 'x' },
      from('198.51.100.7'),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await problemOf(limited)).detail).toContain('from this address');

    // The right password of a real user from another address still works.
    const user = await server.createUser('viewer');
    const ok = await postSignIn(
      server.fetch,
      { username: user.username, password: user.password },
      from('198.51.100.8'),
    );
    expect(ok.status).toBe(200);
  });

  it('answers 429 to one username tried from many addresses (each under the per-address limit), POST /api/auth/tokens included', async () => {
    const user = await server.createUser('admin');
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i += 1) {
      const ip = `203.0.113.${Math.ceil(i / 5)}`; // 5 attempts per address: under the per-address limits
      // Both ways of trying a password count: the sign-in form and `planning login`.
      const res = await postPassword(
        i % 2 === 0 ? API.loginToken : API.signIn,
        { username: user.username, password: `guess ${i}` },
        from(ip),
      );
      statuses.push(res.status);
      await res.body?.cancel();
    }
    // 30 failures per username, whatever the addresses: the 31st attempt is refused.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited, `statuses: ${statuses.join(',')}`).toBe(30);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);

    const limited = await postSignIn(
      server.fetch,
      { username: user.username, password: user.password },
      from('192.0.2.99'),
    );
    expect(limited.status).toBe(429);
    expect((await problemOf(limited)).detail).toContain(`'${user.username}'`);

    // Another user is not locked out by it.
    const other = await server.createUser('viewer');
    expect(
      (
        await postSignIn(
          server.fetch,
          { username: other.username, password: other.password },
          from('192.0.2.99'),
        )
      ).status,
    ).toBe(200);
  });

  it('bounds the password hashes waiting at once: a burst gets 503 with Retry-After for what does not fit, and the server still signs people in', async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postSignIn(
          server.fetch,
          { username: `burst-${i}`, password: 'not it' },
          from(`192.0.2.${i + 1}`),
        ).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: await res.text(),
        })),
      ),
    );
    const busy = burst.filter((r) => r.status === 503);
    expect(burst.filter((r) => r.status !== 503 && r.status !== 401)).toEqual([]);
    expect(busy.length, 'some attempts are refused while the hashing slots are full').toBeGreaterThan(0);
    expect(busy.length).toBeLessThan(40);
    for (const r of busy) {
      expect(r.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'unavailable' });
    }

    const user = await server.createUser('viewer');
    expect(
      (
        await postSignIn(
          server.fetch,
          { username: user.username, password: user.password },
          from('192.0.2.200'),
        )
      ).status,
    ).toBe(200);
  });
});
