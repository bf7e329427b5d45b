import { once } from 'node:events';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { ZRunDetail } from '@planning-hub/contracts/api/runs';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { computeDiffToCache } from '@planning-hub/server/services/diff/compute-diff';
import { diffCacheDir, diffCachePaths } from '@planning-hub/server/services/diff/diff-cache';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { DRAFT_EDITS, importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';
import { startApiProcessWithPlanner } from '../support/api-process-with-planner';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Nothing waits for ever: not a request for a database connection (the pool is
 * exhausted: 503 with Retry-After), not a statement or a lock (PostgreSQL's
 * statement_timeout, lock_timeout, idle_in_transaction_session_timeout, while bulk
 * work gets a long limit of its own), not a client that trickles its headers or body.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expectBusy(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  return ZProblemDetails.parse(await res.json());
}

/** Holds a lock in its own transaction (its own connection) until released. */
async function holdLock(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  return {
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

describe('an exhausted pool', () => {
  let server: TTestServer;
  let viewer: TTokenCaller;
  beforeAll(async () => {
    server = await startTestServer({ env: { DB_ACQUIRE_TIMEOUT_SECONDS: '1' } });
    viewer = await server.createUserWithToken('viewer');
    await importRevision(server.runtime.db.pool, 'busy');
  });
  afterAll(() => server?.close());

  it('answers 503 problem+json with Retry-After within seconds, and serves again once connections are free (pg pool)', async () => {
    const { pool } = server.runtime.db;
    const held = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
    try {
      const started = Date.now();
      const problem = await expectBusy(
        await server.fetch(API.events('busy'), {
          headers: viewer.headers,
          signal: AbortSignal.timeout(10_000),
        }),
      );
      expect(problem.code).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(8000);
      const ready = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(10_000) });
      expect(ready.status).toBe(503);
    } finally {
      for (const client of held) client.release();
    }
    expect((await server.fetch(API.events('busy'), { headers: viewer.headers })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
  });

  it("answers 503 with Retry-After when Prisma's pool is exhausted", async () => {
    const { prisma } = server.runtime.db;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const holders = Array.from({ length: 10 }, () =>
      prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await gate;
        },
        { timeout: 30_000, maxWait: 30_000 },
      ),
    );
    await sleep(500);
    try {
      const started = Date.now();
      await expectBusy(
        await server.fetch(API.inputSets, { headers: viewer.headers, signal: AbortSignal.timeout(15_000) }),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      open();
      await Promise.allSettled(holders);
    }
    expect((await server.fetch(API.inputSets, { headers: viewer.headers })).status).toBe(200);
  }, 30_000);
});

describe('PostgreSQL timeouts', () => {
  let server: TTestServer;
  let admin: TTokenCaller;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        DB_STATEMENT_TIMEOUT_SECONDS: '0.5',
        DB_LOCK_TIMEOUT_SECONDS: '0.5',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '0.5',
        DB_BULK_STATEMENT_TIMEOUT_SECONDS: '20',
      },
    });
    admin = await server.createUserWithToken('admin');
    const { pool } = server.runtime.db;
    await importRevision(pool, 'bulk');
    await markDraftReady(pool, 'bulk');
    await importRevision(pool, 'bulk', DRAFT_EDITS, '2027-01-B');
  });
  afterAll(() => server?.close());

  it('sets statement_timeout, lock_timeout and idle_in_transaction_session_timeout on every connection, pg and Prisma alike', async () => {
    const { pool, prisma } = server.runtime.db;
    const show = async (name: string) => (await pool.query(`SHOW ${name}`)).rows[0][name];
    expect(await show('statement_timeout')).toBe('500ms');
    expect(await show('lock_timeout')).toBe('500ms');
    expect(await show('idle_in_transaction_session_timeout')).toBe('500ms');
    const viaPrisma = await prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(viaPrisma[0]!.statement_timeout).toBe('500ms');
  });

  it('cancels a statement past statement_timeout, and ends a transaction left idle', async () => {
    const { pool } = server.runtime.db;
    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await sleep(1500);
      await expect(client.query('SELECT 1')).rejects.toThrow();
    } finally {
      client.release(true);
    }
    expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('answers 503 with Retry-After when a request waits for a lock past lock_timeout', async () => {
    const lock = await holdLock(
      server.databaseUrl,
      "SELECT pg_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0))",
      ['bulk'],
    );
    try {
      // The export records its event under the label lock, which an upload holds for as long as it runs.
      await expectBusy(await server.fetch(API.exportZip('bulk'), { headers: admin.headers }));
    } finally {
      await lock.release();
    }
  });

  it('gives bulk work its own limit: an upload waiting 2 s for its label, and an export, a diff and a run waiting 2 s for a table, all succeed', async () => {
    const form = new FormData();
    form.append('version_id', 'slow');
    for (const [name, content] of Object.entries(VALID_BUNDLE))
      form.append('files', new Blob([content]), name);
    const labelLock = await holdLock(
      server.databaseUrl,
      "SELECT pg_advisory_xact_lock(hashtextextended('planning_input_set:' || $1, 0))",
      ['queued'],
    );
    const upload = server.fetch(API.upload('queued'), { method: 'POST', headers: admin.headers, body: form });
    await sleep(2000);
    await labelLock.release();
    expect((await upload).status).toBe(201);

    const tableLock = await holdLock(
      server.databaseUrl,
      `LOCK TABLE ${TABLE_SPECS.demand.dbTable} IN ACCESS EXCLUSIVE MODE`,
    );
    const { pool } = server.runtime.db;
    const exported = server
      .fetch(API.exportZip('bulk'), { headers: admin.headers })
      .then(async (res) => ({ status: res.status, bytes: (await res.arrayBuffer()).byteLength }));
    const run = server.fetch(API.runs, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ input_set_label: 'bulk' }),
    });
    const diff = computeDiffToCache(
      { pool },
      {
        ref: 'bulk@draft',
        against: 'bulk',
        paths: diffCachePaths(diffCacheDir(server.runtime.config.tmpDir), 'bulk@draft', 'bulk'),
      },
    );
    await sleep(2000);
    await tableLock.release();
    expect(await exported).toMatchObject({ status: 200 });
    expect(ZRunDetail.parse(await (await run).json())).toMatchObject({ status: 'succeeded' });
    expect((await diff).totals.changed).toBeGreaterThan(0);
  }, 30_000);
});

describe('slow clients (the API process as npm start runs it)', () => {
  let baseUrl: string;
  let token: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ baseUrl, token, close } = await startApiProcessWithPlanner('slow', {
      HTTP_HEADERS_TIMEOUT_SECONDS: '2',
      HTTP_REQUEST_TIMEOUT_SECONDS: '2',
      HTTP_IDLE_TIMEOUT_SECONDS: '3',
      UPLOAD_TIMEOUT_SECONDS: '60',
      UPLOAD_CONCURRENCY: '1',
    }));
  }, 120_000);
  afterAll(() => close?.());

  /** A raw connection to the API; resolves with what the server sent once it closes the connection. */
  async function rawConnection() {
    const { port } = new URL(baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    const closed = new Promise<{ received: string; afterMs: number }>((resolve) => {
      const started = Date.now();
      socket.on('close', () => resolve({ received, afterMs: Date.now() - started }));
      socket.on('error', () => {});
    });
    return { socket, closed };
  }

  it('closes a connection whose headers trickle in past HTTP_HEADERS_TIMEOUT_SECONDS', async () => {
    const { socket, closed } = await rawConnection();
    socket.write('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 500);
    try {
      const { afterMs } = await closed;
      expect(afterMs).toBeLessThan(10_000);
    } finally {
      clearInterval(timer);
      socket.destroy();
    }
  }, 20_000);

  it('answers 408 and closes a request whose body does not arrive within HTTP_REQUEST_TIMEOUT_SECONDS', async () => {
    const { socket, closed } = await rawConnection();
    socket.write(
      `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"note":`,
    );
    const { received, afterMs } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain('request_timeout');
    expect(afterMs).toBeLessThan(10_000);
  }, 20_000);

  it('lets an upload take longer than that while its bytes keep coming, and cuts one that stops sending for HTTP_IDLE_TIMEOUT_SECONDS', async () => {
    const boundary = 'slow-upload-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="version_id"\r\n\r\nslow\r\n`;
    const files = Object.entries(VALID_BUNDLE)
      .map(
        ([name, content]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n${content}\r\n`,
      )
      .join('');
    const body = Buffer.from(`${head}${files}--${boundary}--\r\n`);
    const request = (length: number) =>
      `POST ${API.upload('slow')} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

    // 10 pieces, one every 0.5 s: 5 s in all, past the 2 s request limit of other routes.
    const steady = await rawConnection();
    steady.socket.write(request(body.length));
    const piece = Math.ceil(body.length / 10);
    for (let at = 0; at < body.length; at += piece) {
      steady.socket.write(body.subarray(at, at + piece));
      await sleep(500);
    }
    expect((await steady.closed).received).toMatch(/^HTTP\/1\.1 201/);

    // Half the body, then silence: cut after ~3 s, and its upload slot (UPLOAD_CONCURRENCY=1) is free again.
    const stalled = await rawConnection();
    stalled.socket.write(request(body.length));
    stalled.socket.write(body.subarray(0, body.length / 2));
    const { afterMs } = await stalled.closed;
    expect(afterMs).toBeLessThan(10_000);
    const form = new FormData();
    form.append('version_id', 'after');
    for (const [name, content] of Object.entries(VALID_BUNDLE))
      form.append('files', new Blob([content]), name);
    const next = await fetch(`${baseUrl}${API.upload('slow')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(next.status).toBe(201);
  }, 40_000);
});
