import { ZDiffJobState, type TDiffJobState } from '@planning-hub/contracts/api/diff';
import type { TSchema } from '../../../lib/api-client';

/**
 * A diff view's answer: 200 with the view once the diff is done, else (202) the job's state,
 * for a cache that went stale meanwhile and a job that runs again (docs/design.md section 6).
 */
export function doneOrJobState<T>(done: TSchema<T>): TSchema<T | TDiffJobState> {
  return {
    parse: (data) =>
      (data as { state?: unknown } | null)?.state === 'done' ? done.parse(data) : ZDiffJobState.parse(data),
  };
}
