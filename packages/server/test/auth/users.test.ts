import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import { ensureInitialAdmin } from '../../src/services/auth/initial-admin';
import { verifyPassword } from '../../src/services/auth/password-hash';
import { createApiToken, resolveApiToken } from '../../src/services/auth/api-tokens';
import { resolveLocalOperator } from '../../src/services/auth/local-operator';
import { resolveSession, signIn } from '../../src/services/auth/sessions';
import { createUser, listUsers, resetPassword, updateUser } from '../../src/services/auth/users';
import { createTestDatabase } from '@planning-hub/test-support/test-database';

describe('users', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clients: ReturnType<typeof createDatabaseClients>;

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url, 2);
  });

  afterAll(async () => {
    await clients?.close();
    await database?.drop();
  });

  it('creates the first admin with a generated password, printed once, on an empty database', async () => {
    const first = await ensureInitialAdmin({ prisma: clients.prisma, adminUsername: 'admin' });
    expect(first).toMatchObject({ created: true, username: 'admin' });
    const password = first.created ? first.generatedPassword : undefined;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const { rows } = await clients.pool.query('SELECT role, password_hash FROM users WHERE username = $1', [
      'admin',
    ]);
    expect(rows[0].role).toBe('admin');
    expect(await verifyPassword({ password: password!, hash: rows[0].password_hash })).toBe(true);

    expect(await ensureInitialAdmin({ prisma: clients.prisma, adminUsername: 'admin' })).toEqual({
      created: false,
    });
    expect(
      await ensureInitialAdmin({
        prisma: clients.prisma,
        adminUsername: 'root',
        adminPassword: 'x'.repeat(12),
      }),
    ).toEqual({
      created: false,
    });
  });

  it('uses ADMIN_PASSWORD when it is set and then generates nothing', async () => {
    const other = await createTestDatabase();
    const otherClients = createDatabaseClients(other.url, 1);
    try {
      const result = await ensureInitialAdmin({
        prisma: otherClients.prisma,
        adminUsername: 'boss',
        adminPassword: 'chosen-password-42',
      });
      expect(result).toEqual({ created: true, username: 'boss', generatedPassword: undefined });
      const { rows } = await otherClients.pool.query('SELECT password_hash FROM users');
      expect(await verifyPassword({ password: 'chosen-password-42', hash: rows[0].password_hash })).toBe(
        true,
      );
    } finally {
      await otherClients.close();
      await other.drop();
    }
  });

  it('creates a user and keeps only a hash of the password', async () => {
    const user = await createUser({
      prisma: clients.prisma,
      username: 'hanako.planner',
      role: 'planner',
      employeeId: 'E1234',
      password: 'a long enough password',
    });
    expect(user).toMatchObject({
      username: 'hanako.planner',
      role: 'planner',
      employeeId: 'E1234',
      disabledAt: null,
    });
    const { rows } = await clients.pool.query('SELECT * FROM users WHERE username = $1', ['hanako.planner']);
    expect(JSON.stringify(rows)).not.toContain('a long enough password');
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
  });

  it('refuses a duplicate username with a conflict that names it', async () => {
    await expect(
      createUser({
        prisma: clients.prisma,
        username: 'hanako.planner',
        role: 'viewer',
        password: 'another password!',
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: "User 'hanako.planner' already exists." });
  });

  it('refuses short passwords, unknown roles and usernames with spaces', async () => {
    const prisma = clients.prisma;
    await expect(
      createUser({ prisma, username: 'short', role: 'viewer', password: 'too short' }),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      createUser({ prisma, username: 'boss', role: 'owner' as 'admin', password: 'long enough password' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(
      createUser({ prisma, username: 'two words', role: 'viewer', password: 'long enough password' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('lists users with their kind, without their password hashes', async () => {
    const users = await listUsers({ prisma: clients.prisma });
    expect(users.map((u) => [u.username, u.kind])).toEqual([
      ['admin', 'person'],
      ['hanako.planner', 'person'],
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('still creates the first admin when only local operators exist', async () => {
    const other = await createTestDatabase();
    const otherClients = createDatabaseClients(other.url, 1);
    try {
      await resolveLocalOperator({ prisma: otherClients.prisma, osUser: 'ops' });
      expect(await ensureInitialAdmin({ prisma: otherClients.prisma, adminUsername: 'admin' })).toMatchObject(
        { created: true },
      );
    } finally {
      await otherClients.close();
      await other.drop();
    }
  });

  describe('changes that end access', () => {
    const password = 'person password 12';
    let adminId: number;
    let counter = 0;

    /** A fresh planner with one browser session and one token. */
    const personWithAccess = async () => {
      counter += 1;
      const { username } = await createUser({
        prisma: clients.prisma,
        username: `person-${counter}`,
        role: 'planner',
        password,
      });
      const session = await signIn({ prisma: clients.prisma, sessionTtlHours: 1, username, password });
      const token = await createApiToken({ prisma: clients.prisma, username, name: 'laptop' });
      return {
        username,
        isSessionLive: async () =>
          (await resolveSession({
            prisma: clients.prisma,
            sessionId: session.sessionId,
            idleMinutes: 60,
          })) !== null,
        isTokenLive: async () => (await resolveApiToken({ db: clients.pool, token: token.token })) !== null,
      };
    };

    beforeAll(async () => {
      const { rows } = await clients.pool.query(`SELECT id FROM users WHERE username = 'admin'`);
      adminId = rows[0].id;
    });

    it('disables a user, ending sessions and tokens in one go; enabling brings back neither', async () => {
      const person = await personWithAccess();
      const actor = { userId: adminId };
      const disabled = await updateUser({
        prisma: clients.prisma,
        actor,
        username: person.username,
        disabled: true,
      });
      expect(disabled).toMatchObject({
        username: person.username,
        disabledAt: expect.any(String),
        endedSessions: 1,
        revokedTokens: 1,
      });
      expect(await person.isSessionLive()).toBe(false);
      expect(await person.isTokenLive()).toBe(false);

      const enabled = await updateUser({
        prisma: clients.prisma,
        actor,
        username: person.username,
        disabled: false,
      });
      expect(enabled).toMatchObject({ disabledAt: null, endedSessions: 0, revokedTokens: 0 });
      expect(await person.isTokenLive()).toBe(false);
    });

    it('changes role and employee id without ending anything', async () => {
      const person = await personWithAccess();
      const changed = await updateUser({
        prisma: clients.prisma,
        actor: { userId: adminId },
        username: person.username,
        role: 'reviewer',
        employeeId: 'E2',
      });
      expect(changed).toMatchObject({
        role: 'reviewer',
        employeeId: 'E2',
        endedSessions: 0,
        revokedTokens: 0,
      });
      expect(await person.isSessionLive()).toBe(true);
      expect(await person.isTokenLive()).toBe(true);
    });

    it('resets a password, ending sessions and tokens', async () => {
      const person = await personWithAccess();
      const reset = await resetPassword({
        prisma: clients.prisma,
        username: person.username,
        password: 'a new password 34',
      });
      expect(reset).toMatchObject({ endedSessions: 1, revokedTokens: 1 });
      expect(await person.isSessionLive()).toBe(false);
      expect(await person.isTokenLive()).toBe(false);
      const signInWith = (pw: string) =>
        signIn({ prisma: clients.prisma, sessionTtlHours: 1, username: person.username, password: pw });
      await expect(signInWith(password)).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(signInWith('a new password 34')).resolves.toMatchObject({
        user: { username: person.username },
      });
    });

    it('keeps an admin from disabling themself or lowering their own role', async () => {
      const actor = { userId: adminId };
      await expect(
        updateUser({ prisma: clients.prisma, actor, username: 'admin', disabled: true }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: "You cannot disable yourself ('admin'); ask another admin.",
      });
      await expect(
        updateUser({ prisma: clients.prisma, actor, username: 'admin', role: 'viewer' }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: "You cannot lower your own role ('admin') from admin to viewer; ask another admin.",
      });
    });

    it('names the user it cannot find', async () => {
      await expect(
        updateUser({ prisma: clients.prisma, actor: { userId: adminId }, username: 'ghost', role: 'viewer' }),
      ).rejects.toMatchObject({ code: 'not_found', message: "User 'ghost' not found." });
      await expect(
        resetPassword({ prisma: clients.prisma, username: 'ghost', password: 'long enough password' }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
