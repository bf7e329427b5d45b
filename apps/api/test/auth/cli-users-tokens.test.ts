import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSession } from '@planning-hub/contracts/api/auth';
import { runPlanning } from '../../../cli/test/support/planning';
import { postSignIn } from '../support/sign-in';
import { startTestServer, type TTestServer } from '../support/test-server';

/** `pnpm planning ...` as an operator runs it, against the test database. */
const runCli = (server: TTestServer, args: string[], stdin = '') =>
  runPlanning(args, { databaseUrl: server.databaseUrl, workDir: server.workDir }, { stdin });

// Every CLI run opens the database and applies migrations, ~10 s each on a busy machine.
describe('planning users / tokens (CLI) against the API', { timeout: 240_000 }, () => {
  let server: TTestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('creates a user from stdin, a token with --json, and the API accepts the token until it is revoked', async () => {
    const created = await runCli(
      server,
      ['users', 'create', '--username', 'cli-planner', '--role', 'planner', '--employee-id', 'E7', '--password-stdin'],
      'cli planner password\n',
    );
    expect(created, created.stderr).toMatchObject({ code: 0 });
    expect(created.stdout).toContain("created user 'cli-planner' with role planner");

    const users = await runCli(server, ['users', 'list', '--json']);
    expect(users.code).toBe(0);
    expect(JSON.parse(users.stdout)).toEqual([
      expect.objectContaining({ username: 'cli-planner', role: 'planner', employeeId: 'E7', disabledAt: null }),
    ]);
    expect(users.stdout).not.toContain('scrypt');

    // The trailing newline from stdin is not part of the password.
    const signIn = await postSignIn(server.fetch, { username: 'cli-planner', password: 'cli planner password' });
    expect(signIn.status).toBe(200);

    const issued = await runCli(server, ['tokens', 'create', '--user', 'cli-planner', '--name', 'nightly', '--json']);
    expect(issued, issued.stderr).toMatchObject({ code: 0 });
    const { token } = JSON.parse(issued.stdout) as { token: string };
    expect(Object.keys(JSON.parse(issued.stdout))).toEqual(['token']);
    expect(token).toMatch(/^ph_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);

    const me = await server.fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(ZSession.parse(await me.json()).user).toEqual({ username: 'cli-planner', role: 'planner', employeeId: 'E7' });

    const listed = await runCli(server, ['tokens', 'list', '--user', 'cli-planner', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'nightly', prefix: token.split('_')[1], revokedAt: null }]);
    expect(listed.stdout).not.toContain(token);

    const revoked = await runCli(server, ['tokens', 'revoke', '--prefix', token.split('_')[1]!]);
    expect(revoked, revoked.stderr).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain('revoked');
    const after = await server.fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('prints a plain token on one line and says on stderr that it is shown once', async () => {
    const issued = await runCli(server, ['tokens', 'create', '--user', 'cli-planner']);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^ph_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\n$/);
    expect(issued.stderr).toContain('shown once');
  });

  it('fails with exit 1 and a readable message for mistakes', async () => {
    const [noStdinFlag, badRole, duplicate, ghost] = await Promise.all([
      runCli(server, ['users', 'create', '--username', 'x1', '--role', 'viewer']),
      runCli(server, ['users', 'create', '--username', 'x2', '--role', 'owner', '--password-stdin']),
      runCli(
        server,
        ['users', 'create', '--username', 'cli-planner', '--role', 'viewer', '--password-stdin'],
        'another long password',
      ),
      runCli(server, ['tokens', 'create', '--user', 'ghost']),
    ]);
    expect(noStdinFlag.code).toBe(1);
    expect(noStdinFlag.stderr).toContain('--password-stdin');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("'owner'");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("error: User 'cli-planner' already exists.");
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain("error: User 'ghost' not found.");
  });
});
