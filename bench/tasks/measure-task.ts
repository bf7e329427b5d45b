import { createCpuProbe } from '../lib/cpu-time';
import { measureRounds, type TCpuSamples, type TSamples, type TStep } from '../lib/measure';
import type { TTaskOptions } from './task-types';

/**
 * A task's rounds (docs/performance.md): its warm-ups and rounds of `steps`, the CPU time
 * of this process and PostgreSQL (and of the API, when `api` is given) around each run,
 * every run logged.
 */
export function measureTaskRounds(
  { warmups, rounds, postgresPid, api }: Pick<TTaskOptions, 'warmups' | 'rounds' | 'postgresPid' | 'api'>,
  steps: TStep[],
): Promise<{ samples: TSamples; cpu: TCpuSamples }> {
  return measureRounds({
    warmups,
    rounds,
    probe: createCpuProbe({ postgresPid, apiPid: api?.pid }),
    log: console.log,
    steps,
  });
}
