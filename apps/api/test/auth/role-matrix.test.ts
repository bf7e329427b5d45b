import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '@planning-hub/contracts/api/auth';
import { OPERATIONS } from '@planning-hub/contracts/api/openapi';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

// Path parameters that name nothing: every handler must refuse the caller before it looks.
const SAMPLE_PARAMETERS: Record<string, string> = {
  ref: 'matrix-probe',
  label: 'matrix-probe',
  table: 'demand',
};

function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(SAMPLE_PARAMETERS[name] ?? 'x'),
  );
}

const GUARDED = OPERATIONS.filter((op) => op.role !== undefined);

/** The SPA's pages (apps/api/src/http/spa.ts), served on the API's port but not API operations. */
const SPA_PAGES = ['/', '/ui', '/ui/*splat'];

type TLayer = {
  rawPath?: unknown;
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: TLayer[] };
};

/** `method /path/{param}` of every route of an Express router, with the paths it is mounted at. */
function routesOf(stack: TLayer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const route = layer.route;
    if (route) {
      const paths = [route.path].flat().filter((path) => !SPA_PAGES.includes(path));
      return paths.flatMap((path) =>
        Object.keys(route.methods).map((method) => `${method} ${prefix}${path.replace(/:(\w+)/g, '{$1}')}`),
      );
    }
    if (!Array.isArray(layer.handle.stack)) return [];
    const mountedAt = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return routesOf(layer.handle.stack, `${prefix}${mountedAt}`);
  });
}

/**
 * Every operation declared in packages/contracts (api/operations) is routed and every
 * route is declared; then each operation that names a role is probed: anonymous callers
 * get 401 and every lower role gets 403 before the handler runs.
 */
describe('route x role matrix', () => {
  let server: TTestServer;
  const callers = {} as Record<TRole, TTokenCaller>;
  const notRouted: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) callers[role] = await server.createUserWithToken(role);
    // A fresh token per probe: POST /api/auth/sign-out revokes the token it is called with.
    const prober = await server.createUser('admin');
    for (const op of GUARDED) {
      const { token } = await createApiToken({
        prisma: server.runtime.db.prisma,
        username: prober.username,
        name: 'probe',
      });
      const headers = { authorization: `Bearer ${token}` };
      const res = await server.fetch(concretePath(op.path), { method: op.method.toUpperCase(), headers });
      const body = res.status === 404 ? ZProblemDetails.safeParse(await res.json()) : null;
      if (body?.success && body.data.code === 'not_found' && body.data.detail.startsWith('No API route')) {
        notRouted.push(`${op.method.toUpperCase()} ${op.path}`);
      }
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('routes every declared operation and declares every route of the app', () => {
    const routed = routesOf((server.app as unknown as { router: { stack: TLayer[] } }).router.stack);
    const declared = OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(routed.length).toBeGreaterThan(40);
    expect(routed.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((op) => !routed.includes(op))).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('reaches a handler for every guarded operation, never the "No API route" answer', () => {
    expect(notRouted).toEqual([]);
  });

  it('answers 401 to anonymous callers on every guarded operation', async () => {
    const failures: string[] = [];
    for (const op of GUARDED) {
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
    for (const op of GUARDED) {
      const required = op.role!;
      for (const role of ROLES.slice(0, ROLES.indexOf(required))) {
        checked += 1;
        const res = await server.fetch(concretePath(op.path), {
          method: op.method.toUpperCase(),
          headers: callers[role].headers,
        });
        const body = (await res.json().catch(() => null)) as { code?: string; detail?: string } | null;
        const expected = `This needs the ${required} role; you are ${role}.`;
        if (res.status !== 403 || body?.code !== 'forbidden' || body.detail !== expected) {
          failures.push(`${op.method.toUpperCase()} ${op.path} as ${role}: ${res.status} ${body?.detail}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(GUARDED.reduce((n, op) => n + ROLES.indexOf(op.role!), 0));
  });

  it('refuses session callers without the CSRF token on every guarded unsafe operation', async () => {
    const admin = await server.createUserWithSession('admin');
    const failures: string[] = [];
    for (const op of GUARDED.filter((o) => o.method !== 'get')) {
      const res = await server.fetch(concretePath(op.path), {
        method: op.method.toUpperCase(),
        headers: { cookie: admin.cookie },
      });
      if (res.status !== 403) failures.push(`${op.method.toUpperCase()} ${op.path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
