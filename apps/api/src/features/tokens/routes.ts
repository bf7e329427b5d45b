import express, { Router } from 'express';
import { hasRole } from '@planning-hub/contracts/api/auth';
import { API } from '@planning-hub/contracts/api/routes';
import {
  ZCreatedToken,
  ZCreateTokenRequest,
  ZListTokensQuery,
  ZListTokensResponse,
  ZRevokeTokenRequest,
  ZRevokeTokenResponse,
} from '@planning-hub/contracts/api/tokens';
import { AppError } from '@planning-hub/server/errors/app-error';
import { createApiToken, listApiTokens, revokeApiToken } from '@planning-hub/server/services/auth/api-tokens';
import type { TPrincipal } from '@planning-hub/server/services/auth/principal';
import { getPrincipal, requireRole } from '../../http/authenticate';

const jsonBody = express.json({ limit: '16kb' });

/** GET /api/tokens, POST /api/tokens, POST /api/tokens/revoke: your own tokens; admins: anyone's. */
export function tokenRoutes({ prisma }: { prisma: Parameters<typeof createApiToken>[0]['prisma'] }): Router {
  const router = Router();
  const base = (path: string) => path.replace(/^\/api/, '');

  router.get(base(API.tokens), requireRole('viewer'), async (req, res) => {
    const query = ZListTokensQuery.parse(req.query);
    const username = ownUserOrAdmin(getPrincipal(req), query.user, 'error.token.admins_only_list');
    res.json(ZListTokensResponse.parse({ items: await listApiTokens({ prisma, username }) }));
  });

  router.post(base(API.tokens), requireRole('viewer'), jsonBody, async (req, res) => {
    const body = ZCreateTokenRequest.parse(req.body ?? {});
    const username = ownUserOrAdmin(getPrincipal(req), body.username, 'error.token.admins_only_create');
    const created = await createApiToken({
      prisma,
      username,
      name: body.name,
      expiresInDays: body.expires_in_days,
    });
    res.status(201).json(ZCreatedToken.parse(created));
  });

  router.post(base(API.revokeToken), requireRole('viewer'), jsonBody, async (req, res) => {
    const body = ZRevokeTokenRequest.parse(req.body ?? {});
    const principal = getPrincipal(req);
    // Someone else's token is "not found" to a non-admin: its existence stays hidden.
    const ownerUserId = hasRole(principal.role, 'admin') ? undefined : principal.userId;
    const revoked = await revokeApiToken({ prisma, prefix: body.prefix, id: body.id, ownerUserId });
    res.json(ZRevokeTokenResponse.parse(revoked));
  });

  return router;
}

/** The user a token request is about: the caller, or (admins only) the user named. */
function ownUserOrAdmin(
  principal: TPrincipal,
  requested: string | undefined,
  refusal: 'error.token.admins_only_list' | 'error.token.admins_only_create',
): string {
  if (requested === undefined || requested === principal.username) return principal.username;
  if (!hasRole(principal.role, 'admin')) {
    throw new AppError('forbidden', refusal, { username: requested, role: principal.role, self: principal.username });
  }
  return requested;
}
