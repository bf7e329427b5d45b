import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import { ensureInitialAdmin } from '../../src/services/auth/initial-admin';
import { verifyPassword } from '../../src/services/auth/password-hash';
import { createUser, listUsers } from '../../src/services/auth/users';
import { createTestDatabase } from '../support/test-database';

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
    const { rows } = await clients.pool.query('SELECT role, password_hash FROM users WHERE username = $1', ['admin']);
    expect(rows[0].role).toBe('admin');
    expect(await verifyPassword({ password: password!, hash: rows[0].password_hash })).toBe(true);

    expect(await ensureInitialAdmin({ prisma: clients.prisma, adminUsername: 'admin' })).toEqual({ created: false });
    expect(await ensureInitialAdmin({ prisma: clients.prisma, adminUsername: 'root', adminPassword: 'x'.repeat(12) })).toEqual({
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
      expect(await verifyPassword({ password: 'chosen-password-42', hash: rows[0].password_hash })).toBe(true);
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
    expect(user).toMatchObject({ username: 'hanako.planner', role: 'planner', employeeId: 'E1234', disabledAt: null });
    const { rows } = await clients.pool.query('SELECT * FROM users WHERE username = $1', ['hanako.planner']);
    expect(JSON.stringify(rows)).not.toContain('a long enough password');
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
  });

  it('refuses a duplicate username with a conflict that names it', async () => {
    await expect(
      createUser({ prisma: clients.prisma, username: 'hanako.planner', role: 'viewer', password: 'another password!' }),
    ).rejects.toMatchObject({ code: 'conflict', message: "User 'hanako.planner' already exists." });
  });

  it('refuses short passwords, unknown roles and usernames with spaces', async () => {
    const prisma = clients.prisma;
    await expect(createUser({ prisma, username: 'short', role: 'viewer', password: 'too short' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      createUser({ prisma, username: 'boss', role: 'owner' as 'admin', password: 'long enough password' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(
      createUser({ prisma, username: 'two words', role: 'viewer', password: 'long enough password' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('lists users without their password hashes', async () => {
    const users = await listUsers({ prisma: clients.prisma });
    expect(users.map((u) => u.username)).toEqual(['admin', 'hanako.planner']);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });
});
