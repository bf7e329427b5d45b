import type pg from 'pg';
import type { ApiToken, PrismaClient, Session, User } from '../generated/prisma/client';

/**
 * Reads and writes of users, their browser sessions and API tokens (CONTRIBUTING.md, "Raw
 * SQL or Prisma"): row CRUD, through Prisma; the token lookup every API request makes,
 * through `pg`. Every function takes the client it runs on first,
 * the Prisma client or a transaction of it; the rules (passwords, who may change whom,
 * when a session ends) are in services/auth.
 */
type TUsersClient = Pick<PrismaClient, 'user'>;
type TSessionsClient = Pick<PrismaClient, 'session'>;
type TTokensClient = Pick<PrismaClient, 'apiToken'>;

export async function findUserByUsername(client: TUsersClient, username: string): Promise<User | null> {
  return client.user.findUnique({ where: { username } });
}

export async function findUserById(client: TUsersClient, id: number): Promise<User | null> {
  return client.user.findUnique({ where: { id } });
}

/** Every user, people and local operators, by username. */
export async function listUsers(client: TUsersClient): Promise<User[]> {
  return client.user.findMany({ orderBy: { username: 'asc' } });
}

/** How many people (users who sign in with a password) there are; local operators do not count. */
export async function countPeople(client: TUsersClient): Promise<number> {
  return client.user.count({ where: { kind: 'person' } });
}

/** Stores a new user; a taken username throws Prisma's unique violation (isUniqueViolation). */
export async function insertUser(
  client: TUsersClient,
  user: Pick<User, 'username' | 'role' | 'kind' | 'passwordHash'> & Partial<Pick<User, 'employeeId'>>,
): Promise<User> {
  return client.user.create({ data: user });
}

/** Changes the given columns of user `id`; undefined leaves a column as it is. */
export async function updateUser(
  client: TUsersClient,
  id: number,
  changes: Partial<Pick<User, 'role' | 'employeeId' | 'disabledAt' | 'passwordHash'>>,
): Promise<User> {
  return client.user.update({ where: { id }, data: changes });
}

/**
 * Deletes all of a user's sessions and revokes their live tokens (at `now`), inside the
 * caller's transaction. Expired tokens already stopped working: only the live ones count
 * as revoked.
 */
export async function endUserAccess(
  client: Pick<PrismaClient, 'session' | 'apiToken'>,
  userId: number,
  now: Date,
): Promise<{ endedSessions: number; revokedTokens: number }> {
  const sessions = await client.session.deleteMany({ where: { userId } });
  const tokens = await client.apiToken.updateMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { revokedAt: now },
  });
  return { endedSessions: sessions.count, revokedTokens: tokens.count };
}

export async function insertSession(client: TSessionsClient, session: Session): Promise<void> {
  await client.session.create({ data: session });
}

/** The session stored under `idHash` (sha256 of its id), with its user, or null. */
export async function findSessionWithUser(
  client: TSessionsClient,
  idHash: string,
): Promise<(Session & { user: User }) | null> {
  return client.session.findUnique({ where: { idHash }, include: { user: true } });
}

/** Marks the session as seen at `now`. */
export async function touchSession(client: TSessionsClient, idHash: string, now: Date): Promise<void> {
  await client.session.updateMany({ where: { idHash }, data: { lastSeenAt: now } });
}

/** Deletes the session stored under `idHash`; none is no error. */
export async function deleteSession(client: TSessionsClient, idHash: string): Promise<void> {
  await client.session.deleteMany({ where: { idHash } });
}

/** Deletes the user's sessions that have expired by `now`. */
export async function deleteExpiredSessions(
  client: TSessionsClient,
  userId: number,
  now: Date,
): Promise<void> {
  await client.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
}

export async function insertApiToken(
  client: TTokensClient,
  token: Pick<ApiToken, 'userId' | 'name' | 'prefix' | 'tokenHash' | 'expiresAt'>,
): Promise<ApiToken> {
  return client.apiToken.create({ data: token });
}

/** A token's row with its user's, by the token's hash, as the principal needs them. */
export type TTokenWithUser = {
  id: number;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  userId: number;
  username: string;
  role: User['role'];
  employeeId: string | null;
  kind: User['kind'];
  disabledAt: Date | null;
};

/**
 * One indexed join through `pg`, not Prisma's findUnique with its include: it runs on every
 * API request (docs/performance.md, "API under load"). Named: each pooled connection
 * parses and plans it once.
 */
export async function findTokenWithUser(
  client: Pick<pg.Pool, 'query'>,
  tokenHash: string,
): Promise<TTokenWithUser | null> {
  const { rows } = await client.query<TTokenWithUser>({
    name: 'resolve-api-token',
    text: `SELECT t.id, t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt",
            u.id AS "userId", u.username, u.role::text AS role, u.employee_id AS "employeeId",
            u.kind::text AS kind, u.disabled_at AS "disabledAt"
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1`,
    values: [tokenHash],
  });
  return rows[0] ?? null;
}

export async function touchApiToken(client: Pick<pg.Pool, 'query'>, id: number, now: Date): Promise<void> {
  await client.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, now]);
}

/** At most two tokens named by prefix or id (two say the name is ambiguous), with their users' names. */
export async function findTokensByName(
  client: TTokensClient,
  {
    prefix,
    id,
    ownerUserId,
  }: { prefix?: string | undefined; id?: number | undefined; ownerUserId?: number | undefined },
): Promise<(ApiToken & { user: { username: string } })[]> {
  return client.apiToken.findMany({
    where: {
      ...(prefix !== undefined ? { prefix } : { id }),
      ...(ownerUserId !== undefined ? { userId: ownerUserId } : {}),
    },
    include: { user: { select: { username: true } } },
    take: 2,
  });
}

export async function markApiTokenRevoked(client: TTokensClient, id: number, now: Date): Promise<ApiToken> {
  return client.apiToken.update({ where: { id }, data: { revokedAt: now } });
}

/** The user's tokens, newest first. */
export async function listApiTokensOf(client: TTokensClient, userId: number): Promise<ApiToken[]> {
  return client.apiToken.findMany({ where: { userId }, orderBy: { id: 'desc' } });
}
