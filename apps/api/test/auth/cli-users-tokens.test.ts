import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSession } from '@planning-hub/contracts/api/auth';
import { cliWorkspace, LOCAL_PRINCIPAL, type TCliWorkspace } from '../../../cli/test/support/planning';
import { startServerWithOperator } from '../../../cli/test/support/operator-server';
import { postSignIn } from '../support/sign-in';
import type { TTestServer } from '../support/test-server';

/**
 * `planning users ...` and `planning tokens ...` as an operator runs them: the bundled CLI
 * through the admin and token API, as the local operator of the server's checkout (admin).
 */
describe('planning users / tokens (CLI) against the API', () => {
  let server: TTestServer;
  let operator: TCliWorkspace;
  let close: () => Promise<void>;

  beforeAll(async () => ({ server, operator, close } = await startServerWithOperator()));
  afterAll(() => close?.());

  it('creates a user from stdin, a token with --json, and the API accepts the token until it is revoked', async () => {
    const created = await operator.planningWithStdin(
      'cli planner password\n',
      'users',
      'create',
      '--username',
      'cli-planner',
      '--role',
      'planner',
      '--employee-id',
      'E7',
      '--password-stdin',
    );
    expect(created, created.stderr).toMatchObject({ code: 0 });
    expect(created.stdout).toContain("created user 'cli-planner' with role planner");

    const users = await operator.planning('users', 'list', '--json');
    expect(users.code).toBe(0);
    expect(JSON.parse(users.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          username: 'cli-planner',
          role: 'planner',
          employeeId: 'E7',
          kind: 'person',
          disabledAt: null,
        }),
        expect.objectContaining({ username: LOCAL_PRINCIPAL, role: 'admin', kind: 'local' }),
      ]),
    );
    expect(users.stdout).not.toContain('scrypt');

    // The trailing newline from stdin is not part of the password.
    const signIn = await postSignIn(server.fetch, {
      username: 'cli-planner',
      password: 'cli planner password',
    });
    expect(signIn.status).toBe(200);

    const issued = await operator.planning(
      'tokens',
      'create',
      '--user',
      'cli-planner',
      '--name',
      'nightly',
      '--json',
    );
    expect(issued, issued.stderr).toMatchObject({ code: 0 });
    const { token } = JSON.parse(issued.stdout) as { token: string };
    expect(Object.keys(JSON.parse(issued.stdout))).toEqual(['token']);
    expect(token).toMatch(/^ph_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);

    const me = await server.fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(ZSession.parse(await me.json()).user).toEqual({
      username: 'cli-planner',
      role: 'planner',
      employeeId: 'E7',
    });

    const listed = await operator.planning('tokens', 'list', '--user', 'cli-planner', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: 'nightly', prefix: token.split('_')[1], revokedAt: null },
    ]);
    expect(listed.stdout).not.toContain(token);

    const revoked = await operator.planning('tokens', 'revoke', '--prefix', token.split('_')[1]!);
    expect(revoked, revoked.stderr).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain('revoked');
    const after = await server.fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('prints a plain token on one line and says on stderr that it is shown once', async () => {
    const issued = await operator.planning('tokens', 'create', '--user', 'cli-planner', '--expires-in', '7d');
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^ph_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\n$/);
    expect(issued.stderr).toContain('shown once');
  });

  it('lets a user make and list their own tokens, and only admins name another user', async () => {
    const planner = await server.createUserWithToken('planner');
    const own = await cliWorkspace({
      env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: planner.token },
    });
    try {
      const mine = await own.planning('tokens', 'create', '--name', 'ci', '--json');
      expect(mine.code).toBe(0);
      const listed = JSON.parse((await own.planning('tokens', 'list', '--json')).stdout) as {
        name: string;
        username: string;
      }[];
      expect(listed.map((t) => t.name).sort()).toEqual(['ci', 'test']);
      const other = await own.planning('tokens', 'create', '--user', 'cli-planner');
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("Only admins may create a token for 'cli-planner'");
      const users = await own.planning('users', 'list');
      expect(users.code).toBe(1);
      expect(users.stderr).toContain('This needs the admin role; you are planner.');
    } finally {
      await own.cleanup();
    }
  });

  it('changes a role, disables and enables a user, and resets a password (ending their sessions)', async () => {
    const role = await operator.planning(
      'users',
      'set-role',
      '--username',
      'cli-planner',
      '--role',
      'reviewer',
      '--json',
    );
    expect(role.code).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ username: 'cli-planner', role: 'reviewer' });

    const disabled = await operator.planning('users', 'disable', '--username', 'cli-planner');
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/^disabled user 'cli-planner' \(role reviewer\)/);
    expect(
      (await postSignIn(server.fetch, { username: 'cli-planner', password: 'cli planner password' })).status,
    ).toBe(401);
    const enabled = await operator.planning('users', 'enable', '--username', 'cli-planner');
    expect(enabled.stdout).toContain("enabled user 'cli-planner'");

    const reset = await operator.planningWithStdin(
      'a brand new password',
      'users',
      'reset-password',
      '--username',
      'cli-planner',
      '--password-stdin',
    );
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(
      (await postSignIn(server.fetch, { username: 'cli-planner', password: 'a brand new password' })).status,
    ).toBe(200);
  });

  it('fails with exit 1 and a readable message for mistakes', async () => {
    const [noStdinFlag, badRole, duplicate, ghost, localToken] = await Promise.all([
      operator.planning('users', 'create', '--username', 'x1', '--role', 'viewer'),
      operator.planningWithStdin(
        'long enough password',
        'users',
        'create',
        '--username',
        'x2',
        '--role',
        'owner',
        '--password-stdin',
      ),
      operator.planningWithStdin(
        'another long password',
        'users',
        'create',
        '--username',
        'cli-planner',
        '--role',
        'viewer',
        '--password-stdin',
      ),
      operator.planning('tokens', 'create', '--user', 'ghost'),
      operator.planning('tokens', 'create'),
    ]);
    expect(noStdinFlag.code).toBe(1);
    expect(noStdinFlag.stderr).toContain('--password-stdin');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("'owner'");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("error: User 'cli-planner' already exists.");
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain("error: User 'ghost' not found.");
    // The local operator is trusted through server.json and gets no token of its own.
    expect(localToken.code).toBe(1);
    expect(localToken.stderr).toContain('is a local operator and gets no API tokens');
  });
});
