import type { TAuthMethod, TCurrentUser } from '@planning-hub/contracts/api/auth';
import type { TActor } from './actor';

/**
 * Who is calling, as the API sees it after authentication. `via` says how they proved
 * it: a browser session cookie, a personal API token, or the local operator secret.
 */
export type TPrincipal = TCurrentUser & {
  userId: number;
  kind: 'person' | 'local';
  via: TAuthMethod;
  /** Token callers: the token's id and when it expires (null: never, for tokens made before expiry existed). */
  token?: { id: number; expiresAt: Date | null };
};

/** The user columns a principal is made of. */
export function toCurrentUser(user: {
  username: string;
  role: TCurrentUser['role'];
  employeeId: string | null;
}): TCurrentUser {
  return { username: user.username, role: user.role, employeeId: user.employeeId };
}

/** The actor the services record for this principal. */
export function actorOf(principal: TPrincipal): TActor {
  return {
    userId: principal.userId,
    username: principal.username,
    employeeId: principal.employeeId,
    isLocalOperator: principal.kind === 'local',
  };
}
