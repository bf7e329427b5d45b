import { afterAll, beforeAll } from 'vitest';
import type { TRole } from '@planning-hub/contracts/api/auth';
import { startTestServer, type TTestServer, type TTokenCaller } from './test-server';

type TServerWithUsers<R extends readonly TRole[]> = {
  server: TTestServer;
  users: { [K in keyof R]: TTokenCaller };
};

/**
 * The real server and one token user per role asked for, created in that order.
 * A file that needs nothing more before its tests uses `serverWithUsersForFile`.
 */
export async function startServerWithUsers<const R extends readonly TRole[]>(
  ...roles: R
): Promise<TServerWithUsers<R>> {
  const server = await startTestServer();
  const users: TTokenCaller[] = [];
  for (const role of roles) users.push(await server.createUserWithToken(role));
  return { server, users: users as { [K in keyof R]: TTokenCaller } };
}

/**
 * The usual start of an endpoint test file: `startServerWithUsers` before the file's
 * tests, handing `receive` the server followed by the users in the order of `roles`;
 * the server closed after the file's tests.
 *
 *   let server: TTestServer;
 *   let planner: TTokenCaller;
 *   serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));
 */
export function serverWithUsersForFile<const R extends readonly TRole[]>(
  roles: R,
  receive: (started: [TTestServer, ...TServerWithUsers<R>['users']]) => void,
): void {
  let server: TTestServer | undefined;
  beforeAll(async () => {
    const started = await startServerWithUsers(...roles);
    server = started.server;
    receive([started.server, ...started.users]);
  });
  afterAll(() => server?.close());
}
