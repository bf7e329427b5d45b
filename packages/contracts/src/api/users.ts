import { z } from 'zod';
import { ZRole } from './auth';

export const MIN_PASSWORD_LENGTH = 12;

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export const ZUsername = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, 'use 1-64 letters, digits and . _ @ -, starting with a letter or digit');

/** `local:<OS user>`: the user of a local operator (created on first use, never signs in). */
export const LOCAL_USERNAME_PATTERN = /^local:[A-Za-z0-9._-]{1,32}$/;

/**
 * The `{username}` of PATCH /api/admin/users/{username}: a person, or a local operator's
 * user, which an admin may disable (and enable again) like anyone else.
 */
export const ZAdminUsername = z
  .string()
  .trim()
  .refine(
    (u) => USERNAME_PATTERN.test(u) || LOCAL_USERNAME_PATTERN.test(u),
    'use a username, or local:<OS user> for a local operator',
  );

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256);

const ZEmployeeId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{C}]*$/u, 'An employee id cannot contain control characters.');

/** `person`: signs in with a password. `local`: the local operator of a server's checkout (`local:<OS user>`), never signs in. */
export const USER_KINDS = ['person', 'local'] as const;

export const ZUserSummary = z.object({
  username: z.string(),
  role: ZRole,
  employeeId: z.string().nullable(),
  kind: z.enum(USER_KINDS),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});
export type TUserSummary = z.infer<typeof ZUserSummary>;

export const ZListUsersResponse = z.object({ items: z.array(ZUserSummary) });
export type TListUsersResponse = z.infer<typeof ZListUsersResponse>;

/** POST /api/admin/users (admin). */
export const ZCreateUserRequest = z.object({
  username: ZUsername,
  role: ZRole,
  employee_id: ZEmployeeId.nullable().optional(),
  password: ZPassword,
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

/**
 * PATCH /api/admin/users/{username} (admin): any of role, employee id, disabled.
 * Disabling a user ends their sessions and revokes their tokens at once.
 */
export const ZUpdateUserRequest = z
  .object({
    role: ZRole.optional(),
    employee_id: ZEmployeeId.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine(
    (r) => r.role !== undefined || r.employee_id !== undefined || r.disabled !== undefined,
    'Give role, employee_id or disabled.',
  );
export type TUpdateUserRequest = z.input<typeof ZUpdateUserRequest>;

/** POST /api/admin/users/{username}/password (admin): ends the user's sessions and revokes their tokens. */
export const ZResetPasswordRequest = z.object({ password: ZPassword });
export type TResetPasswordRequest = z.input<typeof ZResetPasswordRequest>;

/** What a change to a user ended, so the admin can tell the person. */
export const ZUserChangeResponse = ZUserSummary.extend({
  endedSessions: z.number().int(),
  revokedTokens: z.number().int(),
});
export type TUserChangeResponse = z.infer<typeof ZUserChangeResponse>;
