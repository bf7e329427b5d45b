import { DEFAULT_REVIEWER } from '@planning-hub/contracts/api/review';

/**
 * Who does something, as every service records it (docs/design.md, "Identity"). The
 * API builds it once per request from the authenticated user: the CLI, the SPA and
 * scripts all arrive as a user, so events, approved_by and created_by name that user.
 */
export type TActor = {
  /** users.id: four-eyes compares users, not names. Null only for seeds and maintenance scripts. */
  userId: number | null;
  /** The principal recorded in events, approved_by and created_by: a username, or `local:<OS user>`. */
  username: string;
  employeeId: string | null;
  /** The local operator of the server's checkout (no login); never approves under the four-eyes policy. */
  isLocalOperator: boolean;
};

/** The name an event's `actor` column shows for uploads, exports and archives: the employee id when known. */
export function actorLabel(actor: TActor): string {
  return actor.employeeId ?? actor.username;
}

/** The runbook's Reviewer ID when the form leaves it empty: the user's employee id, else `ui_reviewer`. */
export function defaultReviewerId(actor: TActor): string {
  return actor.employeeId ?? DEFAULT_REVIEWER;
}

/** An actor that is no signed-in user: seeds, benchmarks and maintenance scripts. */
export function systemActor(username: string): TActor {
  return { userId: null, username, employeeId: null, isLocalOperator: false };
}
