import express, { Router, type Request } from 'express';
import { API } from '@planning-hub/contracts/api/routes';
import {
  ZAdminUsername,
  ZCreateUserRequest,
  ZListUsersResponse,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUserChangeResponse,
  ZUserSummary,
} from '@planning-hub/contracts/api/users';
import { AppError } from '@planning-hub/server/errors/app-error';
import { createUser, listUsers, resetPassword, updateUser } from '@planning-hub/server/services/auth/users';
import { getActor, requireRole } from '../../http/authenticate';

const jsonBody = express.json({ limit: '16kb' });

type TAdminPrisma = Parameters<typeof createUser>[0]['prisma'] & Parameters<typeof updateUser>[0]['prisma'];

/** User administration (admin role): /api/admin/users and /api/admin/users/{username}[/password]. */
export function adminRoutes({ prisma }: { prisma: TAdminPrisma }): Router {
  const router = Router();
  const base = (path: string) => path.replace(/^\/api/, '');

  router.get(base(API.adminUsers), requireRole('admin'), async (_req, res) => {
    res.json(ZListUsersResponse.parse({ items: await listUsers({ prisma }) }));
  });

  router.post(base(API.adminUsers), requireRole('admin'), jsonBody, async (req, res) => {
    const body = ZCreateUserRequest.parse(req.body ?? {});
    const user = await createUser({
      prisma,
      username: body.username,
      role: body.role,
      employeeId: body.employee_id ?? null,
      password: body.password,
    });
    res.status(201).json(ZUserSummary.parse(user));
  });

  router.patch('/admin/users/:username', requireRole('admin'), jsonBody, async (req, res) => {
    const username = usernameParam(req);
    const body = ZUpdateUserRequest.parse(req.body ?? {});
    const changed = await updateUser({
      prisma,
      actor: getActor(req),
      username,
      role: body.role,
      employeeId: body.employee_id,
      disabled: body.disabled,
    });
    res.json(ZUserChangeResponse.parse(changed));
  });

  router.post('/admin/users/:username/password', requireRole('admin'), jsonBody, async (req, res) => {
    const username = usernameParam(req);
    const body = ZResetPasswordRequest.parse(req.body ?? {});
    res.json(ZUserChangeResponse.parse(await resetPassword({ prisma, username, password: body.password })));
  });

  return router;
}

/** `{username}` of the path: a person's username or `local:<OS user>`. */
function usernameParam(req: Request): string {
  const raw = String(req.params.username);
  const parsed = ZAdminUsername.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('bad_request', 'error.user.username_invalid', { username: raw, detail: String(parsed.error.issues[0]?.message) });
  }
  return parsed.data;
}
