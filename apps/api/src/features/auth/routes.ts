import express, { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { API } from '@planning-hub/contracts/api/routes';
import { ZSession, ZSignInRequest, type TSession } from '@planning-hub/contracts/api/auth';
import type { TConfig } from '@planning-hub/server/config/env';
import { AppError } from '@planning-hub/server/errors/app-error';
import { toCurrentUser } from '@planning-hub/server/services/auth/principal';
import { signIn, signOut } from '@planning-hub/server/services/auth/sessions';
import { clearSessionCookie, getPrincipal, requireRole, setSessionCookie } from '../../http/authenticate';

const SIGN_IN_WINDOW_MINUTES = 15;
const SIGN_IN_ATTEMPTS = 10;

/** POST /api/auth/sign-in, POST /api/auth/sign-out, GET /api/auth/me. */
export function authRoutes({
  prisma,
  config,
}: {
  prisma: Parameters<typeof signIn>[0]['prisma'];
  config: Pick<TConfig, 'cookieSecure' | 'sessionTtlHours'>;
}): Router {
  const router = Router();
  const base = (path: string) => path.replace(/^\/api/, '');

  // Failed attempts per client IP and username; a successful sign-in does not count.
  const signInLimiter = rateLimit({
    windowMs: SIGN_IN_WINDOW_MINUTES * 60_000,
    limit: SIGN_IN_ATTEMPTS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${usernameOf(req.body).toLowerCase()}`,
    handler: (req, _res, next) =>
      next(
        new AppError('rate_limited', {
          message: `Too many sign-in attempts for '${usernameOf(req.body)}'. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`,
        }),
      ),
  });

  router.post(base(API.signIn), express.json({ limit: '16kb' }), signInLimiter, async (req, res) => {
    const body = ZSignInRequest.parse(req.body);
    const signedIn = await signIn({
      prisma,
      sessionTtlHours: config.sessionTtlHours,
      username: body.username,
      password: body.password,
      replacesSessionId: req.authSession?.id,
    });
    setSessionCookie(req, res, config, signedIn);
    res.json(ZSession.parse({ user: signedIn.user, csrfToken: signedIn.csrfToken, via: 'session', tokenExpiresAt: null } satisfies TSession));
  });

  router.post(base(API.signOut), requireRole('viewer'), async (req, res) => {
    if (req.authSession) {
      await signOut({ prisma, sessionId: req.authSession.id });
      clearSessionCookie(req, res, config);
    }
    res.status(204).end();
  });

  router.get(base(API.me), requireRole('viewer'), (req, res) => {
    const principal = getPrincipal(req);
    // Token and local-operator callers need no CSRF token: they send no cookie.
    const session: TSession = {
      user: toCurrentUser(principal),
      csrfToken: req.authSession?.csrfToken ?? '',
      via: principal.via,
      tokenExpiresAt: principal.token?.expiresAt?.toISOString() ?? null,
    };
    res.json(ZSession.parse(session));
  });

  return router;
}

function usernameOf(body: unknown): string {
  const username = (body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.trim().slice(0, 64) : '';
}
