import type pg from 'pg';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import {
  importBundle,
  type TImportBundleInput,
} from '@planning-hub/server/services/input-sets/import-bundle';
import { systemActor } from '@planning-hub/server/services/auth/actor';
import { writeBundle } from '@planning-hub/test-support/bundle-files';

type TCliImport = Pick<TImportBundleInput, 'label' | 'files'> & Partial<TImportBundleInput>;

/** Imports `files` through the import service as `planning import` does (the CLI's way in), by 'ops'. */
export function importBundleAsCli(pool: pg.Pool, input: TCliImport): Promise<TImportReport> {
  return importBundle(
    { pool },
    {
      versionId: '2027-01-A',
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('ops'),
      entrypoint: 'cli',
      sourceKind: 'folder',
      ...input,
    },
  );
}

/** Imports the sample bundle (bundle-files.ts) from a folder as `label`'s draft. */
export async function importSampleDraft(
  pool: pg.Pool,
  label: string,
  versionId = '2027-01-A',
): Promise<TImportReport> {
  const dir = await writeBundle();
  return importBundleAsCli(pool, { label, versionId, files: await folderSources(dir) });
}
