import { describe, expect, it } from 'vitest';
import { createHashingSlots } from '../../src/services/auth/hashing-slots';

/** A hash that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened };
}

describe('password hashing slots', () => {
  it('runs at most `running` at once, queues `waiting` more and refuses the next with unavailable (503)', async () => {
    const slots = createHashingSlots({ running: 2, waiting: 3 });
    const gates = Array.from({ length: 5 }, gate);
    const done = gates.map((g) => slots.run(g.work));
    expect(slots.load()).toEqual({ running: 2, waiting: 3 });
    await expect(slots.run(async () => 'one too many')).rejects.toMatchObject({ code: 'unavailable' });

    gates[0]!.open();
    await done[0];
    expect(slots.load()).toEqual({ running: 2, waiting: 2 });
    for (const g of gates) g.open();
    await Promise.all(done);
    expect(slots.load()).toEqual({ running: 0, waiting: 0 });
    await expect(slots.run(async () => 'free again')).resolves.toBe('free again');
  });

  it('frees the slot of a hash that fails', async () => {
    const slots = createHashingSlots({ running: 1, waiting: 0 });
    await expect(slots.run(async () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow(
      'scrypt failed',
    );
    expect(slots.load()).toEqual({ running: 0, waiting: 0 });
  });
});
