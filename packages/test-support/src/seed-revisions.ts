import { rm } from 'node:fs/promises';
import type pg from 'pg';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { writeBundle } from './bundle-files';
import { systemActor } from '@planning-hub/server/services/auth/actor';

/** A demand file with an extra column: stored with an `unknown_column` warning. */
export const WARNING_OVERRIDES = {
  'demand.csv':
    'item_code,location_code,period,quantity,uom,remark\n部品-001,東京,2027-01,100,pcs,x\n0123,OSAKA,2027-02,20,,\n',
};
/** A negative quantity: an error, stored only with allowInvalid. */
export const ERROR_OVERRIDES = {
  'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,-5,pcs\n',
};

/** Imports the valid test bundle (with `overrides`) as the label's draft, as the CLI would. */
export async function importDraft(
  pool: pg.Pool,
  label: string,
  {
    principal = 'uploader',
    userId = null,
    overrides = {},
    allowInvalid = false,
    versionId = '2027-01-A',
  }: {
    principal?: string;
    /** The uploading user's id, for tests of four eyes; null: no user (a seed). */
    userId?: number | null;
    overrides?: Record<string, string | null>;
    allowInvalid?: boolean;
    versionId?: string;
  } = {},
): Promise<TImportReport> {
  const dir = await writeBundle(overrides);
  try {
    return await importBundle(
      { pool },
      {
        label,
        versionId,
        files: await folderSources(dir),
        encoding: 'auto',
        allowInvalid,
        actor: { ...systemActor(principal), userId },
        entrypoint: 'cli',
        sourceKind: 'folder',
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
