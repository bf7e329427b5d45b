import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/services/auth/actor';
import { folderSources } from '../../src/services/input-sets/bundle-sources';
import { computeStoredContentHash } from '../../src/services/input-sets/content-hash';
import { importBundle } from '../../src/services/input-sets/import-bundle';
import { useTestPool } from '@planning-hub/test-support/test-database';

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../../examples');
/** The sample bundle's content hash since the hash was defined: no change of the import may move it. */
const SAMPLE_BUNDLE_HASH = '42a85f66da2baa2fc551238f8cb479fe47f311a03ab619342e155a5187de3c5b';

describe('the content hash of an imported bundle', () => {
  const db = useTestPool();

  it('is the one the sample bundles, UTF-8 and CP932, have always had, streamed and read back', async () => {
    for (const folder of ['sample-bundle', 'sample-bundle-sjis']) {
      const label = `pinned_${folder.replace(/-/g, '_')}`;
      const report = await importBundle(
        { pool: db.pool },
        {
          label,
          versionId: 'pinned',
          files: await folderSources(path.join(EXAMPLES_DIR, folder)),
          encoding: 'auto',
          allowInvalid: false,
          actor: systemActor('cli:test'),
          entrypoint: 'cli',
          sourceKind: 'folder',
        },
      );
      expect(report.stored).toBe(true);
      expect(report.contentHash).toBe(SAMPLE_BUNDLE_HASH);
      const { rows } = await db.pool.query<{ id: number }>(
        "SELECT id FROM planning_input_sets WHERE label = $1 AND status = 'draft'",
        [label],
      );
      const client = await db.pool.connect();
      try {
        expect(await computeStoredContentHash(client, rows[0]!.id)).toBe(SAMPLE_BUNDLE_HASH);
      } finally {
        client.release();
      }
    }
  });
});
