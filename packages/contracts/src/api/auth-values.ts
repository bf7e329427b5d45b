/**
 * Roles, ways of signing in and the headers of the CLI and the local operator as plain
 * values, without zod: the SPA's shell checks a role on every page, and every `planning`
 * command sends the headers before it needs zod, if it ever does (docs/performance.md,
 * Browser and CLI). `auth.ts` builds its schemas on them.
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

/**
 * Sent by the `planning` CLI on every request (`planning/<version>`): the server counts
 * what such requests do under `entrypoint="cli"` (imports, runs).
 */
export const CLIENT_HEADER = 'x-planning-client';

/**
 * The local operator (docs/design.md, "One front door"): `npm start` writes a fresh
 * secret to `<data dir>/server.json` (mode 0600). A CLI on the same machine that can
 * read it sends `Authorization: Bearer phlocal_<secret>` and names its OS user in
 * this header; the server records the principal `local:<OS user>`.
 */
export const LOCAL_OPERATOR_USER_HEADER = 'x-planning-local-user';
export const LOCAL_OPERATOR_TOKEN_PREFIX = 'phlocal_';
/** Principals of local operators are `local:<OS user>`; people's usernames cannot contain `:`. */
export const LOCAL_OPERATOR_PRINCIPAL_PREFIX = 'local:';
