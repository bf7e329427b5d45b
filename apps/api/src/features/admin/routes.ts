import { Router } from 'express';
import { USER_OPERATIONS } from '@planning-hub/contracts/api/operations/users';
import { ZAdminUsername } from '@planning-hub/contracts/api/users';
import { AppError } from '@planning-hub/server/errors/app-error';
import { createUser, listUsers, resetPassword, updateUser } from '@planning-hub/server/services/auth/users';
import { getActor } from '../../http/authenticate';
import { mount } from '../../http/mount';

type TAdminPrisma = Parameters<typeof createUser>[0]['prisma'] & Parameters<typeof updateUser>[0]['prisma'];

/** User administration (admin role): /api/admin/users and /api/admin/users/{username}[/password]. */
export function adminRoutes({ prisma }: { prisma: TAdminPrisma }): Router {
  const router = Router();

  mount(router, USER_OPERATIONS.listUsers, async () => ({
    status: 200,
    body: { items: await listUsers({ prisma }) },
  }));

  mount(router, USER_OPERATIONS.createUser, async ({ body }) => {
    const user = await createUser({
      prisma,
      username: body.username,
      role: body.role,
      employeeId: body.employee_id ?? null,
      password: body.password,
    });
    return { status: 201, body: user };
  });

  mount(router, USER_OPERATIONS.updateUser, async ({ req, params, body }) => {
    const changed = await updateUser({
      prisma,
      actor: getActor(req),
      username: parseUsername(params.username),
      role: body.role,
      employeeId: body.employee_id,
      disabled: body.disabled,
    });
    return { status: 200, body: changed };
  });

  mount(router, USER_OPERATIONS.resetPassword, async ({ params, body }) => {
    const username = parseUsername(params.username);
    return { status: 200, body: await resetPassword({ prisma, username, password: body.password }) };
  });

  return router;
}

/** `{username}` of the path: a person's username or `local:<OS user>`. */
function parseUsername(raw: string): string {
  const parsed = ZAdminUsername.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('bad_request', 'error.user.username_invalid', {
      username: raw,
      detail: String(parsed.error.issues[0]?.message),
    });
  }
  return parsed.data;
}
