import type { TRole } from '@planning-hub/contracts/api/auth';
import { startTestServer, type TTestServer, type TTokenCaller } from './test-server';

/**
 * The usual start of an endpoint test file: the real server and one token user per role
 * asked for, created in that order.
 *
 *   let server: TTestServer;
 *   let planner: TTokenCaller;
 *   beforeAll(async () => ({ server, users: [planner] } = await startServerWithUsers('planner')));
 *   afterAll(() => server?.close());
 */
export async function startServerWithUsers<const R extends readonly TRole[]>(
  ...roles: R
): Promise<{ server: TTestServer; users: { [K in keyof R]: TTokenCaller } }> {
  const server = await startTestServer();
  const users: TTokenCaller[] = [];
  for (const role of roles) users.push(await server.createUserWithToken(role));
  return { server, users: users as { [K in keyof R]: TTokenCaller } };
}
