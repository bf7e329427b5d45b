import { readdirSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '@planning-hub/contracts/api/routes';
import { ZRunDetail } from '@planning-hub/contracts/api/runs';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { importGeneratedReadySet } from './generated-bundle';

/**
 * Downloads that clients give up halfway: each held a pool connection (zip export) or
 * a file descriptor (run artifact) for as long as the process lived, because `pipe`
 * only pauses when its destination closes. Ten abandoned exports held the whole pool
 * (10 connections) and then every request that needs the database hung.
 */

const ABANDONED = 12;

let server: TTestServer;
let viewer: TTokenCaller;
let runId: string;

beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.createUserWithToken('viewer');
  const planner = await server.createUserWithToken('planner');
  await importGeneratedReadySet(server.runtime.db.pool, 'abandoned', 50_000);
  const run = await server.fetch(API.runs, {
    method: 'POST',
    headers: { ...planner.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ input_set_label: 'abandoned' }),
  });
  runId = ZRunDetail.parse(await run.json()).id;
}, 180_000);
afterAll(() => server?.close());

/** GETs `path` and hangs up right after the first chunk of the body, as a closed browser tab does. */
function abandonAfterFirstChunk(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.baseUrl}${path}`, { headers: viewer.headers, agent: false }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
  });
}

/** Pool connections checked out (in use) and callers waiting for one. */
function poolUse() {
  const { pool } = server.runtime.db;
  return { checkedOut: pool.totalCount - pool.idleCount, waiting: pool.waitingCount };
}

async function waitFor<T>(read: () => T, isDone: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const openFiles = () => readdirSync('/proc/self/fd').length;

describe('abandoned downloads', () => {
  it(`give their pool connection back: after ${ABANDONED} exports of a 50k-row set abandoned after the first chunk, /readyz answers within 5 s and no connection stays checked out`, async () => {
    const statuses = await Promise.all(
      Array.from({ length: ABANDONED }, () => abandonAfterFirstChunk(API.exportZip('abandoned'))),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const ready = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
    expect(ready.status).toBe(200);
    expect(await waitFor(poolUse, (use) => use.checkedOut === 0 && use.waiting === 0, 10_000)).toEqual({
      checkedOut: 0,
      waiting: 0,
    });
    // The database serves the next export in full.
    const whole = await server.fetch(API.exportZip('abandoned'), {
      headers: viewer.headers,
      signal: AbortSignal.timeout(30_000),
    });
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  }, 60_000);

  it(`close their file: ${ABANDONED} run artifact downloads abandoned after the first chunk leave no file descriptor open`, async () => {
    const before = openFiles();
    const statuses = await Promise.all(
      Array.from({ length: ABANDONED }, () => abandonAfterFirstChunk(API.runArtifact(runId))),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await waitFor(openFiles, (count) => count <= before, 10_000)).toBeLessThanOrEqual(before);
  }, 60_000);
});
