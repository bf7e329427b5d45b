import { describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer } from '../support/test-server';

let server: TTestServer;

serverWithUsersForFile([], (started) => ([server] = started));

describe('a value PostgreSQL refuses, on a path that reads through Prisma', () => {
  it('is the request at fault (400 problem+json), not the server: a NUL in the username of a sign-in', async () => {
    const res = await server.fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ali\u0000ce', password: 'not-the-password' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(ZProblemDetails.parse(await res.json())).toMatchObject({ messageCode: 'error.request.bad_value' });
  });
});
