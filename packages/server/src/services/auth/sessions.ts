import type { TCurrentUser } from '@planning-hub/contracts/api/auth';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  findUserById,
  findUserByUsername,
  insertSession,
  touchSession,
} from '../../data/users';
import { AppError } from '../../errors/app-error';
import type { PrismaClient } from '../../generated/prisma/client';
import { verifyDecoyPassword, verifyPassword } from './password-hash';
import { toCurrentUser, type TPrincipal } from './principal';
import { randomSecret, sha256Hex } from './secrets';

type TSessionPrisma = Pick<PrismaClient, 'session'>;

/** 32 random bytes as base64url: what the cookie carries. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Sliding `last_seen_at` is written at most this often, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export type TSignedIn = { sessionId: string; csrfToken: string; user: TCurrentUser; expiresAt: Date };
export type TResolvedSession = { principal: TPrincipal; csrfToken: string; expiresAt: Date };

/** How long a browser session opened for a token or local-operator caller lasts: one page to load and capture. */
export const BROWSER_SESSION_MINUTES = 10;

type TCredentialsPrisma = Pick<PrismaClient, 'user'>;
type TCheckedUser = NonNullable<Awaited<ReturnType<TCredentialsPrisma['user']['findUnique']>>>;

/**
 * The person behind a username and password, or 401 'Wrong username or password.'
 * Unknown users cost one decoy verification, so the answer's time does not reveal
 * which usernames exist; disabled users and local operators' users are refused the same way.
 */
export async function verifyCredentials({
  prisma,
  username,
  password,
}: {
  prisma: TCredentialsPrisma;
  username: string;
  password: string;
}): Promise<TCheckedUser> {
  const user = await findUserByUsername(prisma, username.trim());
  const isValid = user
    ? (await verifyPassword({ password, hash: user.passwordHash })) &&
      !user.disabledAt &&
      user.kind === 'person'
    : await verifyDecoyPassword(password);
  if (!user || !isValid) throw new AppError('unauthenticated', 'error.auth.wrong_password', {});
  return user;
}

/**
 * Checks the password and opens a new session. Always a new session id (a session
 * the caller already had, `replacesSessionId`, is deleted), so an id planted
 * before sign-in is worth nothing after it. Only sha256 of the id is stored.
 */
export async function signIn({
  prisma,
  sessionTtlHours,
  username,
  password,
  replacesSessionId,
}: {
  prisma: Pick<PrismaClient, 'user' | 'session'>;
  sessionTtlHours: number;
  username: string;
  password: string;
  replacesSessionId?: string | undefined;
}): Promise<TSignedIn> {
  const user = await verifyCredentials({ prisma, username, password });
  if (replacesSessionId) await signOut({ prisma, sessionId: replacesSessionId });
  await deleteExpiredSessions(prisma, user.id, new Date());
  const session = await createSession({ prisma, userId: user.id, ttlMs: sessionTtlHours * 3_600_000 });
  return { ...session, user: toCurrentUser(user) };
}

/**
 * A short-lived browser session for a user who is already authenticated another way
 * (a token, the local operator): `planning evidence` loads the History tab with it in a
 * headless browser. Ends at sign-out with its cookie, or after BROWSER_SESSION_MINUTES.
 */
export async function openBrowserSession({
  prisma,
  userId,
}: {
  prisma: Pick<PrismaClient, 'user' | 'session'>;
  userId: number;
}): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const user = await findUserById(prisma, userId);
  if (!user) throw new AppError('not_found', 'error.user.not_found_by_id', { id: userId });
  if (user.disabledAt) throw new AppError('forbidden', 'error.user.disabled', { username: user.username });
  return createSession({ prisma, userId, ttlMs: BROWSER_SESSION_MINUTES * 60_000 });
}

async function createSession({
  prisma,
  userId,
  ttlMs,
}: {
  prisma: TSessionPrisma;
  userId: number;
  ttlMs: number;
}): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = randomSecret(32);
  const csrfToken = randomSecret(32);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await insertSession(prisma, {
    idHash: sha256Hex(sessionId),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { sessionId, csrfToken, expiresAt };
}

/**
 * The session behind a cookie value, or null when it is unknown, expired, idle for
 * longer than `idleMinutes` (the row is deleted then) or its user is disabled. Marks it
 * as seen, at most once a minute: the idle limit holds to within that minute.
 */
export async function resolveSession({
  prisma,
  sessionId,
  idleMinutes,
}: {
  prisma: TSessionPrisma;
  sessionId: string;
  /** SESSION_IDLE_MINUTES: a session unused for longer ends, whatever its absolute expiry says. */
  idleMinutes: number;
}): Promise<TResolvedSession | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const idHash = sha256Hex(sessionId);
  const session = await findSessionWithUser(prisma, idHash);
  if (!session) return null;
  const now = new Date();
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > idleMinutes * 60_000) {
    await deleteSession(prisma, idHash);
    return null;
  }
  if (session.user.disabledAt) return null;
  if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
    await touchSession(prisma, idHash, now);
  }
  return {
    principal: {
      ...toCurrentUser(session.user),
      userId: session.user.id,
      kind: session.user.kind,
      via: 'session',
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** Ends the session behind a cookie value; unknown ids are ignored. */
export async function signOut({
  prisma,
  sessionId,
}: {
  prisma: TSessionPrisma;
  sessionId: string;
}): Promise<void> {
  if (!SESSION_ID.test(sessionId)) return;
  await deleteSession(prisma, sha256Hex(sessionId));
}
