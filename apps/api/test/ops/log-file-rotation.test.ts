import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { startApiProcess } from '../support/api-instances';
import { waitFor } from './prometheus-server';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workDir: string;
let logFile: string;
let api: { baseUrl: string; child: ChildProcess };

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-hub-log-rotation-'));
  logFile = path.join(workDir, 'log', 'planning-hub.log');
  api = await startApiProcess({
    databaseUrl: database.url,
    workDir,
    env: { LOG_FILE: logFile, LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  if (api && api.child.exitCode === null) {
    api.child.kill('SIGTERM');
    await once(api.child, 'exit');
  }
  await database?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function readLogLines(file: string): Promise<{ msg: string; req?: { id?: string } }[]> {
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** A request whose access log line carries `requestId`; resolves once that line is in `file`. */
async function logRequest(file: string, requestId: string) {
  const res = await fetch(`${api.baseUrl}/readyz`, { headers: { 'x-request-id': requestId } });
  expect(res.status).toBe(200);
  return waitFor(`request ${requestId} in ${file}`, async () =>
    (await readLogLines(file)).some((line) => line.req?.id === requestId) ? true : undefined,
  );
}

describe('LOG_FILE with logrotate: node apps/api/src/server.ts as a child process', () => {
  it('writes the server log to LOG_FILE', async () => {
    await logRequest(logFile, 'before-rotation');
    const messages = (await readLogLines(logFile)).map((line) => line.msg);
    expect(messages.some((msg) => msg.startsWith('Planning Hub listening on'))).toBe(true);
  });

  it('after the file is renamed and SIGHUP sent, writes to a new file at LOG_FILE and keeps running', async () => {
    const rotated = `${logFile}.1`;
    await rename(logFile, rotated);
    api.child.kill('SIGHUP');
    await waitFor('a new file at LOG_FILE', async () => (existsSync(logFile) ? true : undefined));
    await logRequest(logFile, 'after-rotation');

    expect(api.child.exitCode).toBeNull();
    const current = (await readLogLines(logFile)).map((line) => line.req?.id);
    const old = (await readLogLines(rotated)).map((line) => line.req?.id);
    expect(current).toContain('after-rotation');
    expect(current).not.toContain('before-rotation');
    expect(old).toContain('before-rotation');
    expect(old).not.toContain('after-rotation');
  });
});
