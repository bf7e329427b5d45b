import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import { sha256Hex } from '../../src/services/auth/secrets';
import {
  openBrowserSession,
  resolveSession,
  signIn,
  signOut,
  verifyCredentials,
} from '../../src/services/auth/sessions';
import { createUser } from '../../src/services/auth/users';
import { createTestDatabase } from '@planning-hub/test-support/test-database';

describe('sessions', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clients: ReturnType<typeof createDatabaseClients>;
  const password = 'reviewer password 1';

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url, 2);
    await createUser({ prisma: clients.prisma, username: 'taro', role: 'reviewer', password });
  });

  afterAll(async () => {
    await clients?.close();
    await database?.drop();
  });

  const signInTaro = (replacesSessionId?: string) =>
    signIn({ prisma: clients.prisma, sessionTtlHours: 12, username: 'taro', password, replacesSessionId });

  it('opens a session that stores only the sha256 of its id and expires after the TTL', async () => {
    const before = Date.now();
    const session = await signInTaro();
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.user).toEqual({ username: 'taro', role: 'reviewer', employeeId: null });
    const { rows } = await clients.pool.query('SELECT * FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toBe(sha256Hex(session.sessionId));
    expect(JSON.stringify(rows)).not.toContain(session.sessionId);
    const ttl = rows[0].expires_at.getTime() - before;
    expect(ttl).toBeGreaterThanOrEqual(12 * 3_600_000 - 1000);
    expect(ttl).toBeLessThanOrEqual(12 * 3_600_000 + 5000);

    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 60 }),
    ).toMatchObject({
      principal: { username: 'taro', role: 'reviewer', via: 'session', kind: 'person' },
      csrfToken: session.csrfToken,
    });
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = signIn({ prisma: clients.prisma, sessionTtlHours: 12, username: 'taro', password: 'nope' });
    await expect(wrong).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Wrong username or password.',
    });
    const unknown = signIn({ prisma: clients.prisma, sessionTtlHours: 12, username: 'nobody', password });
    await expect(unknown).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Wrong username or password.',
    });
  });

  it('issues a new id on every sign-in and drops the one it replaces', async () => {
    const first = await signInTaro();
    const second = await signInTaro(first.sessionId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: first.sessionId, idleMinutes: 60 }),
    ).toBeNull();
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: second.sessionId, idleMinutes: 60 }),
    ).not.toBeNull();
  });

  it('deletes an expired session when it is presented', async () => {
    const session = await signInTaro();
    const idHash = sha256Hex(session.sessionId);
    await clients.pool.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1`,
      [idHash],
    );
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 60 }),
    ).toBeNull();
    const { rowCount } = await clients.pool.query('SELECT 1 FROM sessions WHERE id_hash = $1', [idHash]);
    expect(rowCount).toBe(0);
  });

  it('slides last_seen_at forward when the session is used', async () => {
    const session = await signInTaro();
    const idHash = sha256Hex(session.sessionId);
    await clients.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '30 minutes' WHERE id_hash = $1`,
      [idHash],
    );
    await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 60 });
    const { rows } = await clients.pool.query('SELECT last_seen_at FROM sessions WHERE id_hash = $1', [
      idHash,
    ]);
    expect(Date.now() - rows[0].last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('ends and deletes a session left unused for longer than idleMinutes, long before it expires', async () => {
    const session = await signInTaro();
    const idHash = sha256Hex(session.sessionId);
    await clients.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '16 minutes' WHERE id_hash = $1`,
      [idHash],
    );
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 20 }),
    ).not.toBeNull();
    await clients.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '21 minutes' WHERE id_hash = $1`,
      [idHash],
    );
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 20 }),
    ).toBeNull();
    const { rowCount } = await clients.pool.query('SELECT 1 FROM sessions WHERE id_hash = $1', [idHash]);
    expect(rowCount).toBe(0);
  });

  it('refuses the session of a disabled user', async () => {
    const session = await signInTaro();
    await clients.pool.query(`UPDATE users SET disabled_at = now() WHERE username = 'taro'`);
    try {
      expect(
        await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 60 }),
      ).toBeNull();
      await expect(signInTaro()).rejects.toMatchObject({ code: 'unauthenticated' });
    } finally {
      await clients.pool.query(`UPDATE users SET disabled_at = NULL WHERE username = 'taro'`);
    }
  });

  it('signs out, and ignores ids that are unknown or malformed', async () => {
    const session = await signInTaro();
    await signOut({ prisma: clients.prisma, sessionId: session.sessionId });
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: session.sessionId, idleMinutes: 60 }),
    ).toBeNull();
    await signOut({ prisma: clients.prisma, sessionId: 'not-a-session' });
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: "' OR 1=1 --", idleMinutes: 60 }),
    ).toBeNull();
  });

  it('checks credentials once for sign-in and planning login alike', async () => {
    expect(await verifyCredentials({ prisma: clients.prisma, username: ' taro ', password })).toMatchObject({
      username: 'taro',
    });
    await expect(
      verifyCredentials({ prisma: clients.prisma, username: 'taro', password: 'nope' }),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Wrong username or password.',
    });
  });

  it('opens a 10-minute browser session for a user without a password', async () => {
    const { rows } = await clients.pool.query(`SELECT id FROM users WHERE username = 'taro'`);
    const before = Date.now();
    const opened = await openBrowserSession({ prisma: clients.prisma, userId: rows[0].id });
    expect(opened.expiresAt.getTime() - before).toBeLessThanOrEqual(10 * 60_000 + 1000);
    expect(opened.expiresAt.getTime() - before).toBeGreaterThan(9 * 60_000);
    expect(
      await resolveSession({ prisma: clients.prisma, sessionId: opened.sessionId, idleMinutes: 60 }),
    ).toMatchObject({
      principal: { username: 'taro', via: 'session' },
      csrfToken: opened.csrfToken,
    });
  });
});
