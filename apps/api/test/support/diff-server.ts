import { afterAll, beforeAll } from 'vitest';
import type { TRuntime } from '@planning-hub/server/runtime';
import { startDiffWorker, type TDiffWorker } from '@planning-hub/server/services/diff/diff-worker';
import { startTestServer, type TTestServer, type TTokenCaller } from './test-server';

/**
 * The start of a diff endpoint test file: the real server (with `env`), a viewer and a diff
 * worker as server.ts starts one (on `logger` when given, for a test that reads what it
 * logged), before the file's tests; `prepare` gets the server and the viewer. After the
 * file's tests the worker stops, then the server.
 */
export function diffServerForFile(
  { env, logger }: { env: Record<string, string>; logger?: TRuntime['logger'] },
  prepare: (started: [TTestServer, TTokenCaller]) => Promise<void>,
): void {
  let server: TTestServer | undefined;
  let worker: TDiffWorker | undefined;
  beforeAll(async () => {
    server = await startTestServer({ env });
    const viewer = await server.createUserWithToken('viewer');
    worker = await startDiffWorker(logger ? { ...server.runtime, logger } : server.runtime);
    await prepare([server, viewer]);
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.close();
  });
}
