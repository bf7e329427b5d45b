import type { TCurrentUser } from '@planning-hub/contracts/api/auth';

/**
 * Who is calling, as every service that records an actor sees it. `via` says how
 * they proved it: a browser session cookie or a personal API token.
 */
export type TPrincipal = TCurrentUser & { via: 'session' | 'token' };

/** The user columns a principal is made of. */
export function toCurrentUser(user: { username: string; role: TCurrentUser['role']; employeeId: string | null }): TCurrentUser {
  return { username: user.username, role: user.role, employeeId: user.employeeId };
}
