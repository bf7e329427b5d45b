/**
 * Roles and ways of signing in as plain values, without zod: the SPA's shell checks a
 * role on every page (docs/performance.md, Browser). `auth.ts` builds its schemas on them.
 */

export const ROLES = ['viewer', 'planner', 'reviewer', 'admin'] as const;
export type TRole = (typeof ROLES)[number];

/** viewer < planner (upload) < reviewer (approve/revert) < admin (archive, users, tokens). */
export function hasRole(actual: TRole, required: TRole): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** How the caller proved who they are. */
export const AUTH_METHODS = ['session', 'token', 'local'] as const;
export type TAuthMethod = (typeof AUTH_METHODS)[number];
