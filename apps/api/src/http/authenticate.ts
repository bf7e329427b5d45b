import type { Request, RequestHandler, Response } from 'express';
import {
  CLIENT_HEADER,
  hasRole,
  LOCAL_OPERATOR_TOKEN_PREFIX,
  LOCAL_OPERATOR_USER_HEADER,
  type TRole,
} from '@planning-hub/contracts/api/auth';
import type { TConfig } from '@planning-hub/server/config/env';
import { AppError, hintOf } from '@planning-hub/server/errors/app-error';
import type { TActor } from '@planning-hub/server/services/auth/actor';
import { resolveApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { resolveLocalOperator } from '@planning-hub/server/services/auth/local-operator';
import { actorOf, type TPrincipal } from '@planning-hub/server/services/auth/principal';
import { safeEqual } from '@planning-hub/server/services/auth/secrets';
import { resolveSession } from '@planning-hub/server/services/auth/sessions';

/** The session cookie on plain http (development, a proxy that is not on this host). */
export const SESSION_COOKIE = 'planning_hub_session';
/**
 * The same under HTTPS. Browsers accept a `__Host-` cookie only with Secure, Path=/ and no
 * Domain, so a sibling subdomain or a plain-http page can neither plant nor overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const CSRF_HEADER = 'x-csrf-token';

/** Why credentials that came with the request were not accepted; turned into 401/403 by requireRole. */
type TAuthRejection = 'invalid_token' | 'csrf';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** Who is calling; set by `authenticate`, absent for anonymous requests. */
      principal?: TPrincipal;
      /** The session that authenticated this request (cookie requests only). */
      authSession?: { id: string; csrfToken: string };
      authRejection?: TAuthRejection;
    }
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The value of one cookie from the Cookie header (no dependency for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

type TAuthPrisma = Parameters<typeof resolveSession>[0]['prisma'] &
  Parameters<typeof resolveLocalOperator>[0]['prisma'];
type TAuthPool = Parameters<typeof resolveApiToken>[0]['db'];

/** The principal behind `Bearer <credential>`: a personal API token, or the local operator's secret. */
async function resolveBearer(
  req: Request,
  credential: string,
  {
    prisma,
    pool,
    localOperatorSecret,
  }: { prisma: TAuthPrisma; pool: TAuthPool; localOperatorSecret: string | undefined },
): Promise<TPrincipal | null> {
  if (credential.startsWith(LOCAL_OPERATOR_TOKEN_PREFIX)) {
    const secret = credential.slice(LOCAL_OPERATOR_TOKEN_PREFIX.length);
    if (!localOperatorSecret || !safeEqual(secret, localOperatorSecret)) return null;
    return resolveLocalOperator({ prisma, osUser: req.get(LOCAL_OPERATOR_USER_HEADER) });
  }
  return resolveApiToken({ db: pool, token: credential });
}

/**
 * Sets `req.principal` from `Authorization: Bearer <token>` (a personal token, or the
 * local operator's `phlocal_<secret>` of this server start) or the session cookie.
 * Never answers by itself: a bad token or a cookie request without the session's
 * `X-CSRF-Token` leaves the request anonymous and `requireRole` says why.
 */
export function authenticate({
  prisma,
  pool,
  config,
  localOperatorSecret,
}: {
  prisma: TAuthPrisma;
  pool: TAuthPool;
  config: Pick<TConfig, 'cookieSecure' | 'sessionIdleMinutes'>;
  /** This server start's secret (server.json); without it no local operator is accepted. */
  localOperatorSecret?: string | undefined;
}): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const resolved = match
        ? await resolveBearer(req, match[1]!, { prisma, pool, localOperatorSecret })
        : null;
      if (resolved) req.principal = resolved;
      else req.authRejection = 'invalid_token';
      return next();
    }

    const sessionId = readCookie(req.headers.cookie, sessionCookieName(req, config));
    if (!sessionId) return next();
    const session = await resolveSession({ prisma, sessionId, idleMinutes: config.sessionIdleMinutes });
    if (!session) {
      clearSessionCookie(req, res, config);
      return next();
    }
    req.authSession = { id: sessionId, csrfToken: session.csrfToken };
    // Cookies ride along on cross-site requests; the header proves the caller read /api/auth/me.
    const csrfHeader = req.get(CSRF_HEADER);
    if (UNSAFE_METHODS.has(req.method) && !(csrfHeader && safeEqual(csrfHeader, session.csrfToken))) {
      req.authRejection = 'csrf';
      return next();
    }
    req.principal = session.principal;
    next();
  };
}

/** The caller, or the 401/403 that explains why there is none. Use in handlers after requireRole. */
export function getPrincipal(req: Request): TPrincipal {
  if (req.principal) return req.principal;
  if (req.authRejection === 'csrf') {
    throw new AppError('forbidden', 'error.auth.csrf', {}, { hint: hintOf('hint.auth.csrf', {}) });
  }
  if (req.authRejection === 'invalid_token') {
    throw new AppError(
      'unauthenticated',
      'error.auth.invalid_token',
      {},
      { hint: hintOf('hint.auth.sign_in_again', {}) },
    );
  }
  throw new AppError('unauthenticated', 'error.auth.required', {});
}

/** The actor the services record for this request: the authenticated user (docs/design.md, "Identity"). */
export function getActor(req: Request): TActor {
  return actorOf(getPrincipal(req));
}

/** Requests from the `planning` CLI name themselves (`X-Planning-Client`): their imports and runs count as entrypoint "cli". */
export function isCliRequest(req: Request): boolean {
  return req.get(CLIENT_HEADER) !== undefined;
}

/** Route guard: 401 without a principal, 403 below `role` (viewer < planner < reviewer < admin). */
export function requireRole(role: TRole): RequestHandler {
  return (req, _res, next) => {
    const principal = getPrincipal(req);
    if (!hasRole(principal.role, role)) {
      throw new AppError('forbidden', 'error.auth.role', { role, actual: principal.role });
    }
    next();
  };
}

function isSecureCookie(req: Request, config: Pick<TConfig, 'cookieSecure'>): boolean {
  return config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && req.secure);
}

/**
 * The session cookie's name for this request: `__Host-planning_hub_session` when it is
 * Secure. Under HTTPS only that name is read. Sessions set under the old name before the
 * prefix came are not carried over: the old name is what the prefix exists to refuse
 * (anyone who can set a cookie for the host could plant it), and a session lasts at most
 * SESSION_TTL_HOURS, so the transition costs each user one sign-in.
 */
export function sessionCookieName(req: Request, config: Pick<TConfig, 'cookieSecure'>): string {
  return isSecureCookie(req, config) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

function cookieOptions(req: Request, config: Pick<TConfig, 'cookieSecure'>) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: isSecureCookie(req, config) } as const;
}

/** Hands the browser its session id: httpOnly, SameSite=Lax, Secure with the `__Host-` prefix on https (COOKIE_SECURE). */
export function setSessionCookie(
  req: Request,
  res: Response,
  config: Pick<TConfig, 'cookieSecure'>,
  session: { sessionId: string; expiresAt: Date },
): void {
  const name = sessionCookieName(req, config);
  // A cookie of the old name left from before the prefix is of no use any more: the browser may drop it.
  if (name !== SESSION_COOKIE && readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined) {
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, config));
  }
  res.cookie(name, session.sessionId, { ...cookieOptions(req, config), expires: session.expiresAt });
}

export function clearSessionCookie(req: Request, res: Response, config: Pick<TConfig, 'cookieSecure'>): void {
  res.clearCookie(sessionCookieName(req, config), cookieOptions(req, config));
}
