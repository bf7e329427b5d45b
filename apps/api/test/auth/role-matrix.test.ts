import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '@planning-hub/contracts/api/auth';
import { OPERATIONS } from '@planning-hub/contracts/api/openapi';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

// Path parameters that name nothing: every handler must refuse the caller before it looks.
const SAMPLE_PARAMETERS: Record<string, string> = { ref: 'matrix-probe', label: 'matrix-probe', table: 'demand' };

function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(SAMPLE_PARAMETERS[name] ?? 'x'));
}

const GUARDED = OPERATIONS.filter((op) => op.role !== undefined);

/**
 * Walks every operation of the OpenAPI document that names a role, so it grows as
 * routes are added: anonymous callers get 401 and every lower role gets 403 before
 * the handler runs. Operations documented but not routed yet are skipped.
 */
describe('route x role matrix', () => {
  let server: TTestServer;
  const callers = {} as Record<TRole, TTokenCaller>;
  const implemented: typeof GUARDED = [];
  const notRoutedYet: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) callers[role] = await server.createUserWithToken(role);
    // A fresh token per probe: POST /api/auth/sign-out revokes the token it is called with.
    const prober = await server.createUser('admin');
    for (const op of GUARDED) {
      const { token } = await createApiToken({ prisma: server.runtime.db.prisma, username: prober.username, name: 'probe' });
      const headers = { authorization: `Bearer ${token}` };
      const res = await server.fetch(concretePath(op.path), { method: op.method.toUpperCase(), headers });
      const body = res.status === 404 ? ZProblemDetails.safeParse(await res.json()) : null;
      const isUnrouted = body?.success && body.data.code === 'not_found' && body.data.detail.startsWith('No API route');
      if (isUnrouted) notRoutedYet.push(`${op.method.toUpperCase()} ${op.path}`);
      else implemented.push(op);
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('covers at least the auth, token and user administration operations', () => {
    const covered = implemented.map((op) => `${op.method} ${op.path}`);
    expect(covered).toEqual(
      expect.arrayContaining([
        'post /api/auth/sign-out',
        'get /api/auth/me',
        'post /api/auth/browser-session',
        'get /api/tokens',
        'post /api/tokens',
        'post /api/tokens/revoke',
        'get /api/admin/users',
        'post /api/admin/users',
        'patch /api/admin/users/{username}',
        'post /api/admin/users/{username}/password',
      ]),
    );
    if (notRoutedYet.length > 0) console.info(`role matrix: not routed yet: ${notRoutedYet.join(', ')}`);
  });

  it('answers 401 to anonymous callers on every guarded operation', async () => {
    const failures: string[] = [];
    for (const op of implemented) {
      const res = await server.fetch(concretePath(op.path), { method: op.method.toUpperCase() });
      const body = (await res.json().catch(() => null)) as { code?: string } | null;
      if (res.status !== 401 || body?.code !== 'unauthenticated') {
        failures.push(`${op.method.toUpperCase()} ${op.path}: ${res.status} ${body?.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role below the required one, naming both roles', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of implemented) {
      const required = op.role!;
      for (const role of ROLES.slice(0, ROLES.indexOf(required))) {
        checked += 1;
        const res = await server.fetch(concretePath(op.path), { method: op.method.toUpperCase(), headers: callers[role].headers });
        const body = (await res.json().catch(() => null)) as { code?: string; detail?: string } | null;
        const expected = `This needs the ${required} role; you are ${role}.`;
        if (res.status !== 403 || body?.code !== 'forbidden' || body.detail !== expected) {
          failures.push(`${op.method.toUpperCase()} ${op.path} as ${role}: ${res.status} ${body?.detail}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(implemented.reduce((n, op) => n + ROLES.indexOf(op.role!), 0));
  });

  it('refuses session callers without the CSRF token on every guarded unsafe operation', async () => {
    const admin = await server.createUserWithSession('admin');
    const failures: string[] = [];
    for (const op of implemented.filter((o) => o.method !== 'get')) {
      const res = await server.fetch(concretePath(op.path), { method: op.method.toUpperCase(), headers: { cookie: admin.cookie } });
      if (res.status !== 403) failures.push(`${op.method.toUpperCase()} ${op.path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
