import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '@planning-hub/contracts/api/openapi';
import { API } from '@planning-hub/contracts/api/routes';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { readCsvRecords } from '@planning-hub/core/csv/read-csv-records';
import { createApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { createUser } from '@planning-hub/server/services/auth/users';
import { extractZipBundle } from '@planning-hub/server/services/input-sets/bundle-sources';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { buildApiRouters } from '../../src/routers';
import { startApiInstance, type TApiInstance } from '../support/api-instances';
import { postSignIn } from '../support/sign-in';

/**
 * What the auth tests (apps/api/test/auth) leave open: security headers on the SPA
 * as well as the API, secrets kept out of the logs, every routed operation in the
 * role matrix, and exports that no spreadsheet would run as formulas.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let api: TApiInstance;
let home: string;
let workDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // A home with a built SPA in it: the real one may not be built yet when the tests run.
  home = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-home-'));
  await mkdir(path.join(home, 'apps/web/dist/assets'), { recursive: true });
  await writeFile(
    path.join(home, 'apps/web/dist/index.html'),
    '<!doctype html><title>Planning Hub</title><div id="root"></div>',
  );
  await writeFile(path.join(home, 'apps/web/dist/assets/app-1234.js'), 'console.log("app")');
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-security-'));
  api = await startApiInstance({ databaseUrl: database.url, workDir, env: { PLANNING_HUB_HOME: home } });
});
afterAll(async () => {
  await api?.stop();
  await database?.drop();
  await rm(home, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

const call = (urlPath: string, init: RequestInit = {}) => fetch(`${api.baseUrl}${urlPath}`, init);

async function tokenCaller(
  role: 'viewer' | 'planner' | 'admin',
): Promise<{ token: string; headers: Record<string, string> }> {
  const username = `${role}-${randomBytes(3).toString('hex')}`;
  await createUser({
    prisma: api.runtime.db.prisma,
    username,
    role,
    employeeId: null,
    password: `pw-${randomBytes(9).toString('hex')}`,
  });
  const { token } = await createApiToken({ prisma: api.runtime.db.prisma, username, name: 'test' });
  return { token, headers: { authorization: `Bearer ${token}` } };
}

describe('security headers', () => {
  it('are on SPA pages and assets, API answers, problem+json errors and the operational endpoints', async () => {
    const viewer = await tokenCaller('viewer');
    const answers = {
      'SPA page': await call('/ui/plans/input_sets'),
      'SPA root': await call('/'),
      'SPA asset': await call('/assets/app-1234.js'),
      'API 200': await call(API.inputSets, { headers: viewer.headers }),
      'API 401': await call(API.me),
      'API 404': await call('/api/no-such-route'),
      'API 400': await call(`${API.inputSets}?limit=0`, { headers: viewer.headers }),
      healthz: await call(API.healthz),
      metrics: await call(API.metrics),
    };
    expect(answers['SPA page'].status).toBe(200);
    expect(await answers['SPA page'].text()).toContain('Planning Hub');
    expect(answers['SPA asset'].status).toBe(200);
    for (const [what, res] of Object.entries(answers)) {
      const header = (name: string) => res.headers.get(name) ?? '';
      expect(header('x-content-type-options'), what).toBe('nosniff');
      expect(header('content-security-policy'), what).toContain("default-src 'self'");
      expect(header('content-security-policy'), what).toContain("frame-ancestors 'none'");
      expect(header('content-security-policy'), what).toContain("object-src 'none'");
      expect(header('x-frame-options'), what).toBe('SAMEORIGIN');
      expect(header('referrer-policy'), what).toBe('no-referrer');
      expect(header('strict-transport-security'), what).toMatch(/max-age=\d+/);
      expect(header('cross-origin-opener-policy'), what).toBe('same-origin');
      expect(header('x-powered-by'), what).toBe('');
    }
  });
});

describe('secrets in logs', () => {
  it('never logs a password, an API token, a session id or a CSRF token', async () => {
    const password = `Secret-${randomBytes(12).toString('hex')}`;
    const username = `signer-${randomBytes(3).toString('hex')}`;
    await createUser({
      prisma: api.runtime.db.prisma,
      username,
      role: 'planner',
      employeeId: null,
      password,
    });
    const before = api.logLines.length;

    const wrong = await postSignIn(call, { username, password: `${password}-wrong` });
    expect(wrong.status).toBe(401);
    const signIn = await postSignIn(call, { username, password });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const sessionId = cookie.split('=')[1]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const session = { cookie, 'x-csrf-token': csrfToken };
    expect((await call(API.me, { headers: session })).status).toBe(200);
    const upload = await call(API.upload('logged'), {
      method: 'POST',
      headers: session,
      body: bundleFormData({ version_id: 'v1' }),
    });
    expect(upload.status).toBe(201);

    const planner = await tokenCaller('planner');
    expect((await call(API.me, { headers: planner.headers })).status).toBe(200);
    expect(
      (await call(API.me, { headers: { authorization: `${planner.headers.authorization}x` } })).status,
    ).toBe(401);
    expect((await call(API.signOut, { method: 'POST', headers: session })).status).toBe(204);

    const logged = JSON.stringify(api.logLines.slice(before));
    expect(api.logLines.length - before).toBeGreaterThanOrEqual(7);
    expect(logged).toContain('[redacted]');
    for (const [what, secret] of Object.entries({
      password,
      token: planner.token,
      'token secret': planner.token.split('_').slice(2).join('_'),
      'session id': sessionId,
      'CSRF token': csrfToken,
    })) {
      expect(logged.includes(secret), `${what} in the logs`).toBe(false);
    }
  });
});

describe('the route x role matrix', () => {
  it('documents every operation the API routes, so that apps/api/test/auth/role-matrix.test.ts walks all of them', async () => {
    const routed: string[] = [];
    for (const router of await buildApiRouters(api.runtime)) {
      for (const layer of (
        router as Router & { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }
      ).stack) {
        if (!layer.route) continue;
        for (const method of Object.keys(layer.route.methods)) {
          routed.push(`${method} /api${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
      }
    }
    const documented = OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(routed.length).toBeGreaterThan(20);
    expect(routed.filter((op) => !documented.includes(op))).toEqual([]);
    const unguarded = OPERATIONS.filter((op) => op.path.startsWith('/api/') && !op.role).map(
      (op) => `${op.method} ${op.path}`,
    );
    // The OpenAPI document is public, like the probes.
    expect(unguarded).toEqual(['get /api/openapi.json', 'post /api/auth/sign-in', 'post /api/auth/tokens']);
  });
});

describe('exported CSV (docs/design.md section 2: formula injection)', () => {
  it('holds no text or code cell starting with = + - @; numbers are plain decimals, negative ones included', async () => {
    const planner = await tokenCaller('planner');
    const upload = await call(API.upload('exported'), {
      method: 'POST',
      headers: planner.headers,
      body: bundleFormData(
        { version_id: 'formulas' },
        {
          'demand.csv':
            'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,100.50,a=b\n0123,OSAKA-1,2027-02,20,"x,+1"\n',
          'period_metrics.csv': 'period,metric,value\n2027-01,fx_rate,-12.5\n2027-02,margin-rate,-0.25\n',
        },
      ),
    });
    expect(upload.status).toBe(201);
    const res = await call(API.exportZip('exported@draft'), { headers: planner.headers });
    expect(res.status).toBe(200);
    const zipPath = path.join(workDir, 'exported.zip');
    await writeFile(zipPath, Buffer.from(await res.arrayBuffer()));
    const files = await extractZipBundle(zipPath, path.join(workDir, 'exported'), {
      maxBytes: 1 << 20,
      maxFiles: 20,
    });
    let textCells = 0;
    for (const file of files.filter((f) => f.name.endsWith('.csv'))) {
      const spec = Object.values(TABLE_SPECS).find((s) => s.file === file.name)!;
      let header: string[] = [];
      await readCsvRecords(file.open() as AsyncIterable<Buffer>, {
        onHeader: (cells) => {
          header = cells;
        },
        onRecord: (cells) => {
          cells.forEach((cell, i) => {
            const type = spec.columns.find((c) => c.name === header[i])!.type;
            if (cell === '') return;
            if (type === 'decimal') expect(cell, `${file.name} ${header[i]}`).toMatch(/^-?\d+(\.\d+)?$/);
            else {
              textCells += 1;
              expect(cell, `${file.name} ${header[i]}`).not.toMatch(/^[=+\-@]/);
            }
          });
        },
        onUnparsable: (line, message) => {
          throw new Error(`${file.name}:${line} ${message}`);
        },
      });
    }
    expect(textCells).toBeGreaterThan(10);
    const tables = files.map((f) => f.name).sort();
    expect(tables).toContain('period_metrics.csv');
    expect(tables).toContain('params.json');
  });
});
