import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import {
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  type TApiTokenSummary,
  type TCreatedToken,
} from '@planning-hub/contracts/api/tokens';
import {
  findTokensByName,
  findTokenWithUser,
  insertApiToken,
  listApiTokensOf,
  markApiTokenRevoked,
  touchApiToken,
} from '../../data/users';
import { AppError, hintOf } from '../../errors/app-error';
import type { PrismaClient } from '../../generated/prisma/client';
import { toCurrentUser, type TPrincipal } from './principal';
import { randomSecret, sha256Hex } from './secrets';
import { verifyCredentials } from './sessions';
import { findUserOrThrow } from './users';

type TTokenPrisma = Pick<PrismaClient, 'apiToken'>;

/** `ph_<8 hex prefix>_<43 base64url secret>`; the prefix names the token in lists and revocations. */
const TOKEN = /^ph_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;
const PREFIX = /^[0-9a-f]{8}$/;
/** `last_used_at` is written at most this often, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A personal API token for `username`, valid for `expiresInDays` (default 90). The
 * returned `token` is the only copy of the secret: the database keeps its sha256 and the prefix.
 * Local operators' users get none: they are trusted through server.json, not a token.
 */
export async function createApiToken({
  prisma,
  username,
  name,
  expiresInDays = DEFAULT_TOKEN_DAYS,
}: {
  prisma: Pick<PrismaClient, 'user' | 'apiToken'>;
  username: string;
  name: string;
  expiresInDays?: number;
}): Promise<TCreatedToken> {
  const tokenName = name.trim();
  if (tokenName.length < 1 || tokenName.length > 128) {
    throw new AppError('bad_request', 'error.token.name_length', {});
  }
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
    throw new AppError('bad_request', 'error.token.days', { max: MAX_TOKEN_DAYS, days: expiresInDays });
  }
  const user = await findUserOrThrow({ prisma, username });
  if (user.kind === 'local') {
    throw new AppError(
      'bad_request',
      'error.token.local_user',
      { username: user.username },
      {
        hint: hintOf('hint.token.name_person', {}),
      },
    );
  }
  if (user.disabledAt) throw new AppError('conflict', 'error.user.disabled', { username: user.username });
  const prefix = randomBytes(4).toString('hex');
  const token = `ph_${prefix}_${randomSecret(32)}`;
  const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
  const row = await insertApiToken(prisma, {
    userId: user.id,
    name: tokenName,
    prefix,
    tokenHash: sha256Hex(token),
    expiresAt,
  });
  return { ...toSummary(row, user.username), token };
}

/**
 * `planning login`: a personal token for whoever knows the password, without a browser
 * session. Refused exactly like sign-in (same message and cost, local operators' and
 * disabled users included).
 */
export async function createLoginToken({
  prisma,
  username,
  password,
  name,
  expiresInDays,
}: {
  prisma: Pick<PrismaClient, 'user' | 'apiToken'>;
  username: string;
  password: string;
  name: string;
  expiresInDays?: number;
}): Promise<TCreatedToken> {
  const user = await verifyCredentials({ prisma, username, password });
  return createApiToken({ prisma, username: user.username, name, expiresInDays });
}

/**
 * The principal behind a bearer token, or null when it is malformed, unknown, expired,
 * revoked (effective on the very next request) or its user is disabled. Every request
 * reads the token's row, never a copy held in memory, so a revocation or a disabled user
 * takes effect at once on every replica (the lookup: data/users.ts, findTokenWithUser).
 */
export async function resolveApiToken({
  db,
  token,
}: {
  db: Pick<pg.Pool, 'query'>;
  token: string;
}): Promise<TPrincipal | null> {
  if (!TOKEN.test(token)) return null;
  const row = await findTokenWithUser(db, sha256Hex(token));
  const now = new Date();
  if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiToken(db, row.id, now);
  }
  return {
    ...toCurrentUser(row),
    userId: row.userId,
    kind: row.kind,
    via: 'token',
    token: { id: row.id, expiresAt: row.expiresAt },
  };
}

/**
 * Revokes one token, named by its prefix or its id. Revoking a revoked token is
 * not an error (`wasRevoked` says it already was). With `ownerUserId`, only that
 * user's tokens are looked at: anyone else's is "not found", so its existence stays hidden.
 */
export async function revokeApiToken({
  prisma,
  prefix,
  id,
  ownerUserId,
}: {
  prisma: TTokenPrisma;
  prefix?: string | undefined;
  id?: number | undefined;
  ownerUserId?: number | undefined;
}): Promise<TApiTokenSummary & { wasRevoked: boolean }> {
  if ((prefix === undefined) === (id === undefined)) {
    throw new AppError('bad_request', 'error.token.prefix_or_id', {});
  }
  // A full token pasted by mistake still names its prefix.
  const wanted = prefix?.trim().match(TOKEN)?.[1] ?? prefix?.trim();
  if (wanted !== undefined && !PREFIX.test(wanted)) {
    throw new AppError('bad_request', 'error.token.prefix_invalid', { prefix: String(prefix) });
  }
  const rows = await findTokensByName(prisma, { prefix: wanted, id, ownerUserId });
  const row = rows[0];
  if (!row) {
    throw prefix !== undefined
      ? new AppError('not_found', 'error.token.not_found_by_prefix', { prefix })
      : new AppError('not_found', 'error.token.not_found_by_id', { id: String(id) });
  }
  if (rows.length > 1) {
    const hint = hintOf('hint.token.list_ids', {});
    throw prefix !== undefined
      ? new AppError('conflict', 'error.token.several_by_prefix', { prefix }, { hint })
      : new AppError('conflict', 'error.token.several_by_id', { id: String(id) }, { hint });
  }
  if (row.revokedAt) return { ...toSummary(row, row.user.username), wasRevoked: true };
  const revoked = await markApiTokenRevoked(prisma, row.id, new Date());
  return { ...toSummary(revoked, row.user.username), wasRevoked: false };
}

/** The tokens of one user, newest first; never the secret or its hash. */
export async function listApiTokens({
  prisma,
  username,
}: {
  prisma: Pick<PrismaClient, 'user' | 'apiToken'>;
  username: string;
}): Promise<TApiTokenSummary[]> {
  const user = await findUserOrThrow({ prisma, username });
  const rows = await listApiTokensOf(prisma, user.id);
  return rows.map((row) => toSummary(row, user.username));
}

function toSummary(
  row: {
    id: number;
    name: string;
    prefix: string;
    createdAt: Date;
    lastUsedAt: Date | null;
    expiresAt: Date | null;
    revokedAt: Date | null;
  },
  username: string,
): TApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    username,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
