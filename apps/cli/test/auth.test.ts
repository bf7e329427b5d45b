import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../api/test/support/listen';
import type { TTestServer, TTestUser } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import { cliWorkspace, LOCAL_PRINCIPAL, runPlanning, type TCliWorkspace } from './support/planning';
import { importArgs } from './support/planning-args';

/** Finding the server and signing in: the local operator, `planning login`, tokens, and what the CLI says when they fail. */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;
let alice: TTestUser;

const credentialsFile = (workspace: TCliWorkspace) =>
  path.join(workspace.home, '.config', 'planning-hub', 'credentials.json');

beforeAll(async () => {
  ({ server, operator, close } = await startServerWithOperator());
  alice = await server.createUser('planner', { username: 'alice', employeeId: 'E100' });
});
afterAll(() => close?.());

describe('the local operator', () => {
  it('needs no login in the checkout where the server runs: whoami names local:<OS user>', async () => {
    const run = await operator.planning('whoami');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${LOCAL_PRINCIPAL} (admin)`);
    expect(run.stdout).toContain('signed in by   local operator, no login');
    expect(run.stdout).toContain(`server         ${server.baseUrl}`);
    const json = JSON.parse((await operator.planning('whoami', '--json')).stdout);
    expect(json).toMatchObject({
      server: server.baseUrl,
      via: 'local',
      user: { username: LOCAL_PRINCIPAL, role: 'admin' },
    });
  });

  it("is refused when server.json holds a secret that is not this start's: exit 1 naming planning login", async () => {
    const entry = JSON.parse(await readFile(path.join(server.dataDir, 'server.json'), 'utf8'));
    const elsewhere = await cliWorkspace();
    try {
      const dataDir = path.join(elsewhere.cwd, 'data');
      await mkdir(dataDir);
      await writeFile(
        path.join(dataDir, 'server.json'),
        JSON.stringify({ ...entry, secret: 'x'.repeat(43) }),
      );
      const run = await runPlanning(['list'], { ...elsewhere, env: { PLANNING_HUB_DATA_DIR: 'data' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`planning login --server ${server.baseUrl}`);
    } finally {
      await elsewhere.cleanup();
    }
  });
});

describe('planning login / whoami / logout', () => {
  let laptop: TCliWorkspace;
  beforeAll(async () => {
    laptop = await cliWorkspace();
  });
  afterAll(() => laptop?.cleanup());

  it('signs in with the password on stdin and stores a token per server, mode 0600', async () => {
    const run = await laptop.planningWithStdin(
      `${alice.password}\n`,
      'login',
      '--server',
      `${server.baseUrl}/`,
      '--username',
      'alice',
      '--password-stdin',
      '--expires-in',
      '30d',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ Signed in to ${server.baseUrl} as alice`);
    const file = credentialsFile(laptop);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(stored.servers)).toEqual([server.baseUrl]);
    expect(stored.servers[server.baseUrl]).toMatchObject({
      username: 'alice',
      token: expect.stringMatching(/^ph_[0-9a-f]{8}_/),
    });
    const days = (Date.parse(stored.servers[server.baseUrl].expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('whoami shows the user, role, employee id, how authenticated, server and token expiry', async () => {
    const run = await laptop.planning('whoami', '--server', server.baseUrl);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('alice (planner)');
    expect(run.stdout).toContain('employee id    E100');
    expect(run.stdout).toMatch(
      /signed in by {3}personal token [0-9a-f]{8} \(planning login, .*credentials\.json\)/,
    );
    expect(run.stdout).toMatch(/token expires {2}\d{4}-\d{2}-\d{2}T.*\(in 29 day\(s\)\)/);
  });

  it('acts as alice: her upload names her, not the OS user', async () => {
    const run = await laptop.planning(
      ...importArgs(await writeBundle(), 'v1', 'alices', '--server', server.baseUrl, '--json'),
    );
    expect(run.code).toBe(0);
    const { rows } = await server.runtime.db.pool.query(
      "SELECT uploaded_by FROM planning_input_sets WHERE label = 'alices'",
    );
    expect(rows[0].uploaded_by).toBe('alice');
  });

  it("an explicit login wins over the local operator in the server's own checkout", async () => {
    const inCheckout = await cliWorkspace({ cwd: server.workDir });
    try {
      const login = await inCheckout.planningWithStdin(
        alice.password,
        'login',
        '--username',
        'alice',
        '--password-stdin',
      );
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      expect(login.stdout).toContain(`✓ Signed in to ${server.baseUrl} as alice`);
      const whoami = JSON.parse((await inCheckout.planning('whoami', '--json')).stdout);
      expect(whoami).toMatchObject({ via: 'token', user: { username: 'alice' } });
    } finally {
      await inCheckout.cleanup();
    }
  });

  it('logout revokes the token on the server and forgets it; the token no longer works', async () => {
    const { token } = JSON.parse(await readFile(credentialsFile(laptop), 'utf8')).servers[server.baseUrl];
    const run = await laptop.planning('logout', '--server', server.baseUrl);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ Signed out of ${server.baseUrl}: token ${token.split('_')[1]} revoked`);
    expect(JSON.parse(await readFile(credentialsFile(laptop), 'utf8')).servers).toEqual({});
    const me = await server.fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    const after = await laptop.planning('list', '--server', server.baseUrl, '--token', token);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`planning login --server ${server.baseUrl}`);
  });

  it("refuses a wrong password with the server's message, exit 1, storing nothing", async () => {
    const run = await laptop.planningWithStdin(
      'not her password',
      'login',
      '--server',
      server.baseUrl,
      '--username',
      'alice',
      '--password-stdin',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Wrong username or password.');
    expect(JSON.parse(await readFile(credentialsFile(laptop), 'utf8')).servers).toEqual({});
  });

  it('asks for --password-stdin when stdin is no terminal to type the password on', async () => {
    const run = await laptop.planning('login', '--server', server.baseUrl, '--username', 'alice');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--password-stdin');
  });
});

describe('refused credentials and missing servers', () => {
  it("a wrong token: exit 1, the server's message, and planning login --server <url>", async () => {
    const stranger = await cliWorkspace({
      env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: 'ph_00000000_wrong' },
    });
    try {
      const run = await stranger.planning('list');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error: The API token is not valid');
      expect(run.stderr).toContain(`hint: sign in with: planning login --server ${server.baseUrl}`);
      expect(run.stdout).toBe('');
    } finally {
      await stranger.cleanup();
    }
  });

  it('an expired token: exit 1 naming planning login', async () => {
    const bob = await server.createUserWithToken('viewer');
    await server.runtime.db.pool.query(
      "UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE prefix = $1",
      [bob.token.split('_')[1]],
    );
    const expired = await cliWorkspace({
      env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: bob.token },
    });
    try {
      const run = await expired.planning('whoami');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`planning login --server ${server.baseUrl}`);
    } finally {
      await expired.cleanup();
    }
  });

  it('no credential at all: exit 1 naming planning login', async () => {
    const nobody = await cliWorkspace({ env: { PLANNING_HUB_URL: server.baseUrl } });
    try {
      const run = await nobody.planning('list');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`planning login --server ${server.baseUrl}`);
    } finally {
      await nobody.cleanup();
    }
  });

  it('no server: exit 1, the URL tried, where it came from, and npm start', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}`;
    const lonely = await cliWorkspace({ env: { PLANNING_HUB_URL: url } });
    try {
      const run = await lonely.planning('list');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`error: no Planning Hub server answers at ${url}`);
      expect(run.stderr).toContain('from PLANNING_HUB_URL');
      expect(run.stderr).toContain('npm start');
    } finally {
      await lonely.cleanup();
    }
  });

  it('a server.json left by a stopped server: exit 1 naming the file and npm start, and no private database', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}`;
    const stale = await cliWorkspace();
    try {
      await mkdir(path.join(stale.cwd, '.data'));
      const file = path.join(stale.cwd, '.data', 'server.json');
      await writeFile(
        file,
        JSON.stringify({
          format: 'planning-hub/local-server@1',
          url,
          secret: 'a'.repeat(43),
          pid: 1,
          startedAt: new Date().toISOString(),
        }),
      );
      const run = await stale.planning('import', '-i', stale.cwd, '--version-id', 'v', '--label', 'x');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`no Planning Hub server answers at ${url}`);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('npm start');
    } finally {
      await stale.cleanup();
    }
  });
});

describe('a disabled user', () => {
  it("loses access at once: an admin's users disable through the CLI, then her next command is refused", async () => {
    const carol = await server.createUserWithToken('planner');
    const laptop = await cliWorkspace({
      env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: carol.token },
    });
    try {
      expect((await laptop.planning('list')).code).toBe(0);
      const disabled = await operator.planning('users', 'disable', '--username', carol.username);
      expect(disabled.stderr).toBe('');
      expect(disabled.code).toBe(0);
      expect(disabled.stdout).toContain(
        `disabled user '${carol.username}' (role planner): revoked 1 token(s)`,
      );
      const refused = await laptop.planning('list');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('planning login');
    } finally {
      await laptop.cleanup();
    }
  });
});
