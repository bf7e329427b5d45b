import type pg from 'pg';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { createContentHasher } from '@planning-hub/core/canonical/content-hash';
import { createSnapshotWriter } from '@planning-hub/core/plan/input-set-snapshot';
import { createPlanInputCollector, type TPlanInput } from '@planning-hub/core/plan/plan-input';
import { withReadOnlySnapshot } from '../../data/runs';
import type { InputSet } from '../../generated/prisma/client';
import { streamRows } from '../input-sets/copy-rows';
import type { TArtifactStore, TStoredArtifact } from './artifact-store';

/** The stored rows no longer give the revision's content hash: the snapshot would not be what was approved. */
export class ContentHashMismatchError extends Error {
  constructor(revision: Pick<InputSet, 'label' | 'revision' | 'contentHash'>, actual: string) {
    super(
      `The stored rows of '${revision.label}' r${revision.revision} no longer match its content hash ` +
        `(approved ${revision.contentHash}, found ${actual}); no snapshot was written.`,
    );
    this.name = 'ContentHashMismatchError';
  }
}

/**
 * Streams one revision's tables once, in TABLE_NAMES order and natural key order,
 * into three consumers at the same time: the planning_input_set.json writer
 * (artifact store), the content hasher (the snapshot must be what was approved)
 * and the plan's aggregation. Memory stays bounded by the aggregated plan input.
 * Throws ArtifactWriteError when the store fails, ContentHashMismatchError when the rows changed.
 */
export async function writeRunSnapshot(
  { pool, artifacts }: { pool: pg.Pool; artifacts: TArtifactStore },
  {
    revision,
    key,
  }: { revision: Pick<InputSet, 'id' | 'label' | 'revision' | 'versionId' | 'contentHash'>; key: string },
): Promise<{ artifact: TStoredArtifact; planInput: TPlanInput }> {
  const writer = await artifacts.create(key);
  const snapshot = createSnapshotWriter(
    {
      label: revision.label,
      revision: revision.revision,
      versionId: revision.versionId,
      contentHash: revision.contentHash,
    },
    writer.write,
  );
  const hasher = createContentHasher();
  const collector = createPlanInputCollector();
  try {
    // All tables from one database snapshot, so a concurrent change cannot mix two states.
    await withReadOnlySnapshot(pool, async (client) => {
      for (const table of TABLE_NAMES) {
        await streamRows(client, table, revision.id, (row) => {
          snapshot.row(table, row);
          hasher.update(table, row);
          collector.add(table, row);
        });
      }
    });
    snapshot.end();
    const actual = hasher.digest();
    if (actual !== revision.contentHash) throw new ContentHashMismatchError(revision, actual);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { artifact: await writer.commit(), planInput: collector.finish() };
}
