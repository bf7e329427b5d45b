import type { TRole } from '@planning-hub/contracts/api/auth';

/**
 * ROLES of packages/contracts/src/api/auth.ts, for commander's --role choices. Repeated
 * here because importing that module loads zod, which `planning --help` should not pay
 * for; the type below fails the build if the two lists ever differ.
 */
export const ROLE_CHOICES = ['viewer', 'planner', 'reviewer', 'admin'] as const;

type TSameRoles = [TRole] extends [(typeof ROLE_CHOICES)[number]]
  ? [(typeof ROLE_CHOICES)[number]] extends [TRole]
    ? true
    : never
  : never;
export const ROLES_MATCH_CONTRACT: TSameRoles = true;
