import { z } from 'zod';
import { AUTH_METHODS, ROLES } from './auth-values';

export {
  AUTH_METHODS,
  CLIENT_HEADER,
  hasRole,
  LOCAL_OPERATOR_PRINCIPAL_PREFIX,
  LOCAL_OPERATOR_TOKEN_PREFIX,
  LOCAL_OPERATOR_USER_HEADER,
  ROLES,
  type TAuthMethod,
  type TRole,
} from './auth-values';

export const ZRole = z.enum(ROLES);

export const ZAuthMethod = z.enum(AUTH_METHODS);

export const ZSignInRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZCurrentUser = z.object({
  username: z.string(),
  role: ZRole,
  employeeId: z.string().nullable(),
});
export type TCurrentUser = z.infer<typeof ZCurrentUser>;

/**
 * GET /api/auth/me and POST /api/auth/sign-in answer this. The SPA sends
 * `csrfToken` back in the `X-CSRF-Token` header on every unsafe request; token and
 * local-operator callers get an empty one (they send no cookie).
 */
export const ZSession = z.object({
  user: ZCurrentUser,
  csrfToken: z.string(),
  via: ZAuthMethod,
  /** Token callers: when their token stops working. */
  tokenExpiresAt: z.iso.datetime().nullable(),
});
export type TSession = z.infer<typeof ZSession>;

/**
 * POST /api/auth/browser-session (token and local-operator callers): a short-lived
 * browser session for the same user, for `planning evidence` to open the History tab
 * in a headless browser. Ended by POST /api/auth/sign-out with its cookie, or expires.
 */
export const ZBrowserSession = z.object({
  cookieName: z.string(),
  sessionId: z.string(),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TBrowserSession = z.infer<typeof ZBrowserSession>;
