import { AppError } from '../../errors/app-error';

export type THashingSlots = {
  /** Runs `work` in a free slot, waits for one, or throws 503 at once when too many wait already. */
  run: <T>(work: () => Promise<T>) => Promise<T>;
  /** Hashes running and waiting now. */
  load: () => { running: number; waiting: number };
};

/**
 * A semaphore with a bounded queue. Password hashes run on libuv's thread pool (4
 * threads), which file I/O shares: a few running hashes leave it threads, and a burst
 * past the queue gets `unavailable` (503 with Retry-After) instead of a growing backlog.
 */
export function createHashingSlots({
  running: maxRunning,
  waiting: maxWaiting,
}: {
  running: number;
  waiting: number;
}): THashingSlots {
  let running = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    run: async (work) => {
      if (running >= maxRunning) {
        if (queue.length >= maxWaiting) {
          throw new AppError('unavailable', 'error.auth.hashing_busy', {});
        }
        // The slot is handed over by release(): `running` stays counted for us.
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: queue.length }),
  };
}
