import { describe, expect, it } from 'vitest';
import { createMemoryByteSource, type TByteSource } from '@planning-hub/core/bytes/byte-source';
import { systemActor } from '../../src/services/auth/actor';
import { importBundle } from '../../src/services/input-sets/import-bundle';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { useTestPool } from '@planning-hub/test-support/test-database';

/**
 * A failure outside the database while a COPY is open (here: a file that cannot be
 * read the second time, as when it is deleted mid-import) must end the import, not
 * leave the COPY open with the ROLLBACK queued behind it and the label locked.
 */

const db = useTestPool(2);

function sources(failing?: string): TByteSource[] {
  return Object.entries(VALID_BUNDLE).map(([name, content]) => {
    const source = createMemoryByteSource(name, content);
    if (name !== failing) return source;
    let reads = 0;
    return {
      ...source,
      // The first read finds the encoding; the second, which parses, fails. The COPY of params is open by then.
      open: () => {
        reads += 1;
        if (reads === 1) return source.open();
        return (async function* () {
          yield* [];
          throw Object.assign(new Error(`EIO: i/o error, read '${name}'`), { code: 'EIO' });
        })();
      },
    };
  });
}

const importAs = (label: string, files: TByteSource[]) =>
  importBundle(
    { pool: db.pool },
    {
      label,
      versionId: '2027-01-A',
      files,
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('ops'),
      entrypoint: 'cli',
      sourceKind: 'folder',
    },
  );

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);

describe('an error outside the database in the middle of a COPY', () => {
  it('fails the import within seconds, and the next import of the label succeeds', async () => {
    await expect(within(importAs('copy-failure', sources('calendar.csv')), 10_000)).rejects.toThrow(/EIO/);
    const report = await within(importAs('copy-failure', sources()), 10_000);
    expect(report).toMatchObject({ stored: true, revision: 1 });
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
  }, 30_000);
});
