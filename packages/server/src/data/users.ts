import type { PrismaClient, Session, User } from '../generated/prisma/client';

/**
 * Reads and writes of users and their browser sessions (CONTRIBUTING.md, "Raw SQL or
 * Prisma"): row CRUD, through Prisma. Every function takes the client it runs on first,
 * the Prisma client or a transaction of it; the rules (passwords, who may change whom,
 * when a session ends) are in services/auth.
 */
type TUsersClient = Pick<PrismaClient, 'user'>;
type TSessionsClient = Pick<PrismaClient, 'session'>;

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
