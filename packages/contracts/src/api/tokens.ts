import { z } from 'zod';
import { singleLineText } from '../free-text';
import { ZAdminUsername } from './users';

/** Personal API tokens last this long unless asked otherwise (`planning login --expires-in`). */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** One line, as lists and `planning tokens list` print it (packages/contracts/src/free-text.ts). */
const ZTokenName = singleLineText('A token name', 128).pipe(
  z.string().min(1, 'A token name cannot be empty.'),
);
const ZExpiresInDays = z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS);

/**
 * POST /api/auth/tokens (public, rate-limited like sign-in): `planning login` trades a
 * username and password for a personal token, without a browser session.
 */
export const ZLoginTokenRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  name: ZTokenName.default('planning-cli'),
  expires_in_days: ZExpiresInDays,
});
export type TLoginTokenRequest = z.input<typeof ZLoginTokenRequest>;

/** POST /api/tokens: a token for yourself, or (admins) for the user named. */
export const ZCreateTokenRequest = z.object({
  name: ZTokenName.default('default'),
  expires_in_days: ZExpiresInDays,
  /** Admins only: whose token it is (a user, or `local:<OS user>`). Default: the caller. */
  username: ZAdminUsername.optional(),
});
export type TCreateTokenRequest = z.input<typeof ZCreateTokenRequest>;

/** A token as lists show it: never the secret or its hash. */
export const ZApiTokenSummary = z.object({
  id: z.number().int(),
  /** The 8 hex characters after `ph_`: names the token in lists and revocations. */
  prefix: z.string(),
  name: z.string(),
  username: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiTokenSummary = z.infer<typeof ZApiTokenSummary>;

/** 201: the only time the secret is shown. */
export const ZCreatedToken = ZApiTokenSummary.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

/** GET /api/tokens?user=<u>: your tokens; admins may name any user. */
export const ZListTokensQuery = z.object({ user: ZAdminUsername.optional() });
export const ZListTokensResponse = z.object({ items: z.array(ZApiTokenSummary) });
export type TListTokensResponse = z.infer<typeof ZListTokensResponse>;

/** POST /api/tokens/revoke: one of `prefix` or `id`; yours, or any token for admins. */
export const ZRevokeTokenRequest = z
  .object({
    prefix: z.string().trim().min(1).max(100).optional(),
    id: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .refine((r) => (r.prefix === undefined) !== (r.id === undefined), 'Give exactly one of prefix or id.');
export type TRevokeTokenRequest = z.infer<typeof ZRevokeTokenRequest>;

export const ZRevokeTokenResponse = ZApiTokenSummary.extend({ wasRevoked: z.boolean() });
export type TRevokeTokenResponse = z.infer<typeof ZRevokeTokenResponse>;
