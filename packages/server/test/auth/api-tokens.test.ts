import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import {
  createApiToken,
  createLoginToken,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from '../../src/services/auth/api-tokens';
import { resolveLocalOperator } from '../../src/services/auth/local-operator';
import { sha256Hex } from '../../src/services/auth/secrets';
import { createUser } from '../../src/services/auth/users';
import { createTestDatabase } from '@planning-hub/test-support/test-database';

describe('API tokens', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clients: ReturnType<typeof createDatabaseClients>;

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url, 2);
    await createUser({
      prisma: clients.prisma,
      username: 'ci-bot',
      role: 'planner',
      password: 'bot password 123',
    });
  });

  afterAll(async () => {
    await clients?.close();
    await database?.drop();
  });

  it('returns the secret once and stores only its sha256 and prefix', async () => {
    const created = await createApiToken({
      prisma: clients.prisma,
      username: 'ci-bot',
      name: 'nightly import',
    });
    expect(created.token).toMatch(/^ph_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(`ph_${created.prefix}_`)).toBe(true);
    const { rows } = await clients.pool.query('SELECT * FROM api_tokens WHERE id = $1', [created.id]);
    expect(rows[0]).toMatchObject({
      name: 'nightly import',
      prefix: created.prefix,
      token_hash: sha256Hex(created.token),
    });
    // The secret is everything after `ph_<prefix>_`: base64url may hold `_` itself.
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(`ph_${created.prefix}_`.length));
  });

  it('resolves a token to its user and records when it was used', async () => {
    const created = await createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'resolve' });
    const resolved = await resolveApiToken({ db: clients.pool, token: created.token });
    expect(resolved).toEqual({
      username: 'ci-bot',
      role: 'planner',
      employeeId: null,
      userId: expect.any(Number),
      kind: 'person',
      via: 'token',
      token: { id: created.id, expiresAt: new Date(created.expiresAt!) },
    });
    const { rows } = await clients.pool.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [
      created.id,
    ]);
    expect(rows[0].last_used_at).toBeInstanceOf(Date);
  });

  it('refuses malformed, unknown and tampered tokens', async () => {
    const created = await createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'tamper' });
    const tampered = created.token.slice(0, -1) + (created.token.endsWith('A') ? 'B' : 'A');
    for (const token of ['', 'ph_', 'Bearer x', tampered, `ph_00000000_${'a'.repeat(43)}`]) {
      expect(await resolveApiToken({ db: clients.pool, token })).toBeNull();
    }
  });

  it('stops accepting a token as soon as it is revoked, by prefix or by id', async () => {
    const byPrefix = await createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'revoke me' });
    const revoked = await revokeApiToken({ prisma: clients.prisma, prefix: byPrefix.prefix });
    expect(revoked).toMatchObject({ id: byPrefix.id, wasRevoked: false, username: 'ci-bot' });
    expect(await resolveApiToken({ db: clients.pool, token: byPrefix.token })).toBeNull();
    expect(await revokeApiToken({ prisma: clients.prisma, prefix: byPrefix.prefix })).toMatchObject({
      wasRevoked: true,
    });

    const byId = await createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'revoke by id' });
    await revokeApiToken({ prisma: clients.prisma, id: byId.id });
    expect(await resolveApiToken({ db: clients.pool, token: byId.token })).toBeNull();
  });

  it('explains what is wrong with a revocation request', async () => {
    const prisma = clients.prisma;
    await expect(revokeApiToken({ prisma, prefix: 'deadbeef' })).rejects.toMatchObject({
      code: 'not_found',
      message: "API token with prefix 'deadbeef' not found.",
    });
    await expect(revokeApiToken({ prisma, prefix: 'xyz' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(revokeApiToken({ prisma })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(revokeApiToken({ prisma, prefix: 'deadbeef', id: 1 })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('refuses tokens for unknown users', async () => {
    await expect(
      createApiToken({ prisma: clients.prisma, username: 'ghost', name: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: "User 'ghost' not found.",
    });
  });

  it("lists a user's tokens without secrets or hashes", async () => {
    const tokens = await listApiTokens({ prisma: clients.prisma, username: 'ci-bot' });
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(tokens.every((t) => t.username === 'ci-bot')).toBe(true);
    expect(JSON.stringify(tokens)).not.toMatch(/ph_|token_hash|tokenHash/);
  });

  it('expires a token after 90 days by default, or as asked, and refuses it from then on', async () => {
    const before = Date.now();
    const created = await createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'expiring' });
    expect(Date.parse(created.expiresAt!) - before).toBeGreaterThanOrEqual(90 * 86_400_000);
    const week = await createApiToken({
      prisma: clients.prisma,
      username: 'ci-bot',
      name: 'week',
      expiresInDays: 7,
    });
    expect(Date.parse(week.expiresAt!) - Date.parse(week.createdAt)).toBeLessThan(7 * 86_400_000 + 60_000);
    await expect(
      createApiToken({ prisma: clients.prisma, username: 'ci-bot', name: 'x', expiresInDays: 0 }),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });

    await clients.pool.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.id,
    ]);
    expect(await resolveApiToken({ db: clients.pool, token: created.token })).toBeNull();
  });

  it("revokes only the owner's tokens when an owner is given, and calls the others not found", async () => {
    const other = await createUser({
      prisma: clients.prisma,
      username: 'other-bot',
      role: 'viewer',
      password: 'other password 1',
    });
    const theirs = await createApiToken({ prisma: clients.prisma, username: other.username, name: 'theirs' });
    const { rows } = await clients.pool.query(`SELECT id FROM users WHERE username = 'ci-bot'`);
    await expect(
      revokeApiToken({ prisma: clients.prisma, prefix: theirs.prefix, ownerUserId: rows[0].id }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `API token with prefix '${theirs.prefix}' not found.`,
    });
    expect(await resolveApiToken({ db: clients.pool, token: theirs.token })).not.toBeNull();
  });

  it("gives no token to a local operator's user", async () => {
    await resolveLocalOperator({ prisma: clients.prisma, osUser: 'ops' });
    await expect(
      createApiToken({ prisma: clients.prisma, username: 'local:ops', name: 'x' }),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining("User 'local:ops' is a local operator"),
    });
  });

  it('trades the right password for a token, and refuses a wrong one like sign-in', async () => {
    const created = await createLoginToken({
      prisma: clients.prisma,
      username: 'ci-bot',
      password: 'bot password 123',
      name: 'cli',
    });
    expect(await resolveApiToken({ db: clients.pool, token: created.token })).toMatchObject({
      username: 'ci-bot',
      via: 'token',
    });
    await expect(
      createLoginToken({
        prisma: clients.prisma,
        username: 'ci-bot',
        password: 'wrong password',
        name: 'cli',
      }),
    ).rejects.toMatchObject({ code: 'unauthenticated', message: 'Wrong username or password.' });
  });
});
