import { AUTH_OPERATIONS } from './auth';
import type { TOperation } from './define-operation';
import { DIFF_OPERATIONS } from './diff';
import { EVENT_OPERATIONS } from './events';
import { HEALTH_OPERATIONS } from './health';
import { INPUT_SET_OPERATIONS } from './input-sets';
import { POLICY_OPERATIONS } from './policy';
import { REVIEW_OPERATIONS } from './review';
import { RUN_OPERATIONS } from './runs';
import { TOKEN_OPERATIONS } from './tokens';
import { USER_OPERATIONS } from './users';

/**
 * Every operation of the API, in the order of the OpenAPI document. The API mounts each
 * (apps/api/src/http/mount.ts), and the role-matrix test fails on a route missing here
 * or an operation no route serves.
 */
export const OPERATIONS: readonly TOperation[] = [
  ...Object.values(HEALTH_OPERATIONS),
  ...Object.values(AUTH_OPERATIONS),
  ...Object.values(TOKEN_OPERATIONS),
  ...Object.values(USER_OPERATIONS),
  ...Object.values(INPUT_SET_OPERATIONS),
  ...Object.values(RUN_OPERATIONS),
  ...Object.values(REVIEW_OPERATIONS),
  ...Object.values(POLICY_OPERATIONS),
  ...Object.values(EVENT_OPERATIONS),
  ...Object.values(DIFF_OPERATIONS),
];
