import { Router } from 'express';
import { hasRole } from '@planning-hub/contracts/api/auth';
import { TOKEN_OPERATIONS } from '@planning-hub/contracts/api/operations/tokens';
import { AppError } from '@planning-hub/server/errors/app-error';
import { createApiToken, listApiTokens, revokeApiToken } from '@planning-hub/server/services/auth/api-tokens';
import type { TPrincipal } from '@planning-hub/server/services/auth/principal';
import { getPrincipal } from '../../http/authenticate';
import { mount } from '../../http/mount';

/** GET /api/tokens, POST /api/tokens, POST /api/tokens/revoke: your own tokens; admins: anyone's. */
export function tokenRoutes({ prisma }: { prisma: Parameters<typeof createApiToken>[0]['prisma'] }): Router {
  const router = Router();

  mount(router, TOKEN_OPERATIONS.listTokens, async ({ req, query }) => {
    const username = ownUserOrAdmin(getPrincipal(req), query.user, 'error.token.admins_only_list');
    return { status: 200, body: { items: await listApiTokens({ prisma, username }) } };
  });

  mount(router, TOKEN_OPERATIONS.createToken, async ({ req, body }) => {
    const username = ownUserOrAdmin(getPrincipal(req), body.username, 'error.token.admins_only_create');
    const created = await createApiToken({
      prisma,
      username,
      name: body.name,
      expiresInDays: body.expires_in_days,
    });
    return { status: 201, body: created };
  });

  mount(router, TOKEN_OPERATIONS.revokeToken, async ({ req, body }) => {
    const principal = getPrincipal(req);
    // Someone else's token is "not found" to a non-admin: its existence stays hidden.
    const ownerUserId = hasRole(principal.role, 'admin') ? undefined : principal.userId;
    const revoked = await revokeApiToken({ prisma, prefix: body.prefix, id: body.id, ownerUserId });
    return { status: 200, body: revoked };
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
    throw new AppError('forbidden', refusal, {
      username: requested,
      role: principal.role,
      self: principal.username,
    });
  }
  return requested;
}
