import { z } from 'zod';

export const ROLES = ['viewer', 'planner', 'reviewer', 'admin'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** viewer < planner (upload) < reviewer (approve/revert) < admin (archive, users, tokens). */
export function hasRole(actual: TRole, required: TRole): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

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
 * `csrfToken` back in the `X-CSRF-Token` header on every unsafe request.
 */
export const ZSession = z.object({
  user: ZCurrentUser,
  csrfToken: z.string(),
});
export type TSession = z.infer<typeof ZSession>;
