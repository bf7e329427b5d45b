import { Router, type Request, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { TBrowserSession, TSession } from '@planning-hub/contracts/api/auth';
import { AUTH_OPERATIONS } from '@planning-hub/contracts/api/operations/auth';
import type { TConfig } from '@planning-hub/server/config/env';
import { AppError } from '@planning-hub/server/errors/app-error';
import { createLoginToken, revokeApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { toCurrentUser } from '@planning-hub/server/services/auth/principal';
import { openBrowserSession, signIn, signOut } from '@planning-hub/server/services/auth/sessions';
import {
  clearSessionCookie,
  getPrincipal,
  sessionCookieName,
  setSessionCookie,
} from '../../http/authenticate';
import { mount } from '../../http/mount';

const PASSWORD_WINDOW_MINUTES = 15;
/** Failed attempts for one username from one address. */
const PASSWORD_ATTEMPTS = 10;
/** Failed attempts from one address, whatever the usernames: an office behind one NAT has room for typos. */
const PASSWORD_ATTEMPTS_PER_ADDRESS = 30;
/** Failed attempts for one username, whatever the addresses. Reached, it locks that user out for the window too. */
const PASSWORD_ATTEMPTS_PER_USERNAME = 30;

/**
 * POST /api/auth/sign-in, POST /api/auth/tokens (`planning login`), POST /api/auth/sign-out,
 * GET /api/auth/me, POST /api/auth/browser-session.
 */
export function authRoutes({
  prisma,
  config,
}: {
  prisma: Parameters<typeof signIn>[0]['prisma'] & Parameters<typeof createLoginToken>[0]['prisma'];
  config: Pick<TConfig, 'cookieSecure' | 'sessionTtlHours'>;
}): Router {
  const router = Router();
  // The same limiters for both ways of trying a password, so they share their counts of failures.
  const passwordLimiters = limitPasswordAttempts();

  mount(
    router,
    AUTH_OPERATIONS.signIn,
    async ({ req, res, body }) => {
      const signedIn = await signIn({
        prisma,
        sessionTtlHours: config.sessionTtlHours,
        username: body.username,
        password: body.password,
        replacesSessionId: req.authSession?.id,
      });
      setSessionCookie(req, res, config, signedIn);
      const session: TSession = {
        user: signedIn.user,
        csrfToken: signedIn.csrfToken,
        via: 'session',
        tokenExpiresAt: null,
      };
      return { status: 200, body: session };
    },
    { before: passwordLimiters },
  );

  mount(
    router,
    AUTH_OPERATIONS.createLoginToken,
    async ({ body }) => {
      const created = await createLoginToken({
        prisma,
        username: body.username,
        password: body.password,
        name: body.name,
        expiresInDays: body.expires_in_days,
      });
      return { status: 201, body: created };
    },
    { before: passwordLimiters },
  );

  // Session: ends it. Token: revokes that token (`planning logout`). Local operator: nothing to end.
  mount(router, AUTH_OPERATIONS.signOut, async ({ req, res }) => {
    const principal = getPrincipal(req);
    if (req.authSession) {
      await signOut({ prisma, sessionId: req.authSession.id });
      clearSessionCookie(req, res, config);
    } else if (principal.token) {
      await revokeApiToken({ prisma, id: principal.token.id, ownerUserId: principal.userId });
    }
    return { status: 204 };
  });

  mount(router, AUTH_OPERATIONS.getMe, ({ req }) => {
    const principal = getPrincipal(req);
    // Token and local-operator callers need no CSRF token: they send no cookie.
    const session: TSession = {
      user: toCurrentUser(principal),
      csrfToken: req.authSession?.csrfToken ?? '',
      via: principal.via,
      tokenExpiresAt: principal.token?.expiresAt?.toISOString() ?? null,
    };
    return { status: 200, body: session };
  });

  mount(router, AUTH_OPERATIONS.openBrowserSession, async ({ req }) => {
    const principal = getPrincipal(req);
    if (principal.via === 'session') {
      throw new AppError('bad_request', 'error.auth.session_exists', {});
    }
    const opened = await openBrowserSession({ prisma, userId: principal.userId });
    const session: TBrowserSession = {
      cookieName: sessionCookieName(req, config),
      sessionId: opened.sessionId,
      csrfToken: opened.csrfToken,
      expiresAt: opened.expiresAt.toISOString(),
    };
    return { status: 201, body: session };
  });

  return router;
}

/**
 * Three counts of failed password attempts (a 401; a success, a refused body or a 429
 * does not count), each over 15 minutes: per address and username (a typo streak),
 * per address across usernames (password spraying from one place) and per username
 * across addresses (one account tried from many). Addresses are `req.ip`: the client
 * as the proxies of TRUST_PROXY report it (default: loopback ones). The counts live in
 * this process; each replica keeps its own.
 */
function limitPasswordAttempts(): RequestHandler[] {
  const limiter = (limit: number, key: (req: Request) => string, refuse: (req: Request) => AppError) =>
    rateLimit({
      windowMs: PASSWORD_WINDOW_MINUTES * 60_000,
      limit,
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => res.statusCode !== 401,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: key,
      handler: (req, _res, next) => next(refuse(req)),
    });
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const username = (req: Request) => usernameOf(req.body).toLowerCase();
  const minutes = PASSWORD_WINDOW_MINUTES;
  return [
    limiter(
      PASSWORD_ATTEMPTS_PER_ADDRESS,
      (req) => `address|${ip(req)}`,
      () => new AppError('rate_limited', 'error.auth.too_many_from_address', { minutes }),
    ),
    limiter(
      PASSWORD_ATTEMPTS,
      (req) => `pair|${ip(req)}|${username(req)}`,
      (req) =>
        new AppError('rate_limited', 'error.auth.too_many_for_user', {
          username: usernameOf(req.body),
          minutes,
        }),
    ),
    limiter(
      PASSWORD_ATTEMPTS_PER_USERNAME,
      (req) => `username|${username(req)}`,
      (req) =>
        new AppError('rate_limited', 'error.auth.too_many_for_user_from_addresses', {
          username: usernameOf(req.body),
          minutes,
        }),
    ),
  ];
}

function usernameOf(body: unknown): string {
  const username = (body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.trim().slice(0, 64) : '';
}
