import { describe, expect, it } from 'vitest';
import { useTestPool } from '@planning-hub/test-support/test-database';
import { systemActor } from '../../src/services/auth/actor';
import { resolveDiffPair } from '../../src/services/diff/request-diff';
import { archiveRevision } from '../../src/services/review/archive-revision';
import { DRAFT_EDITS, importRevision, markDraftReady } from '@planning-hub/test-support/diff-fixtures';

/**
 * What a diff compares with when the request names no `against` (docs/design.md
 * section 6): the server decides it, and the Diff tab and the CLI show what it chose.
 */
const db = useTestPool();

async function defaultPairOf(ref: string) {
  const pair = await resolveDiffPair(db, { ref });
  return { ref: pair.ref, against: pair.against, olderRevision: pair.older.revision };
}

async function archive(ref: string) {
  await archiveRevision({ pool: db.pool, ref, comment: 'fixture', actor: systemActor('fixture') });
}

describe('the default other side of a diff', () => {
  it('compares a draft with the ready revision, named by its plain label', async () => {
    await importRevision(db.pool, 'w1');
    await markDraftReady(db.pool, 'w1');
    await importRevision(db.pool, 'w1', DRAFT_EDITS, '2027-01-B');
    await markDraftReady(db.pool, 'w1');
    await importRevision(db.pool, 'w1', {}, '2027-01-C');
    // r1 archived, r2 ready, r3 draft.
    expect(await defaultPairOf('w1@draft')).toEqual({ ref: 'w1@draft', against: 'w1', olderRevision: 2 });
  });

  it('compares the ready revision and an archived one with the revision before it', async () => {
    expect(await defaultPairOf('w1')).toEqual({ ref: 'w1', against: 'w1@r1', olderRevision: 1 });
    await archive('w1@draft');
    // r3 archived without approval: still compared with r2, the ready one.
    expect(await defaultPairOf('w1@r3')).toEqual({ ref: 'w1@r3', against: 'w1', olderRevision: 2 });
  });

  it('compares a draft of a label without a ready revision with the revision before it', async () => {
    await importRevision(db.pool, 'w2');
    await markDraftReady(db.pool, 'w2');
    await archive('w2');
    await importRevision(db.pool, 'w2', DRAFT_EDITS, '2027-01-B');
    expect(await defaultPairOf('w2@draft')).toEqual({ ref: 'w2@draft', against: 'w2@r1', olderRevision: 1 });
  });

  it('says there is nothing to compare with for a first revision, naming how to pick one', async () => {
    await importRevision(db.pool, 'w3');
    await expect(resolveDiffPair(db, { ref: 'w3@draft' })).rejects.toMatchObject({
      code: 'conflict',
      message: "Input set 'w3@draft' has no earlier revision to compare with.",
    });
    await markDraftReady(db.pool, 'w3');
    await importRevision(db.pool, 'w3', DRAFT_EDITS, '2027-01-B');
    // The ready r1 has a draft after it, but nothing before it.
    await expect(resolveDiffPair(db, { ref: 'w3' })).rejects.toMatchObject({
      code: 'conflict',
      message: "Input set 'w3' has no earlier revision to compare with.",
    });
  });

  it('takes the other side the request names', async () => {
    expect(await defaultPairOf('w1')).toEqual({ ref: 'w1', against: 'w1@r1', olderRevision: 1 });
    const pair = await resolveDiffPair(db, { ref: 'w3', against: 'w3@draft' });
    expect({ against: pair.against, olderRevision: pair.older.revision }).toEqual({
      against: 'w3@draft',
      olderRevision: 2,
    });
  });
});
