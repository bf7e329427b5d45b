import { rm } from 'node:fs/promises';
import type pg from 'pg';
import { systemActor } from '@planning-hub/server/services/auth/actor';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { writeBundle } from './bundle-files';

/**
 * Edits of the draft against VALID_BUNDLE (the ready revision), one or more per table,
 * with the diff each must give. `100.50 -> 100.5` (demand, capacity) is no change.
 */
export const DRAFT_EDITS: Record<string, string> = {
  'demand.csv':
    'item_code,location_code,period,quantity,uom\n' +
    '部品-001,東京,2027-01,100.5,pcs\n' + // was 100.50: the same number
    '部品-001,東京,2027-02,100,個\n' + // was 80 pcs
    '0123,OSAKA,2027-01,5,\n', // added; 0123,OSAKA,2027-02 removed
  'capacity.csv': 'resource_code,period,available_hours\nR1,2027-01,176\nR1,2027-02,150.5\n', // 160 -> 176; 150.50 = 150.5
  'inventory.csv': 'item_code,location_code,on_hand,safety_stock\n部品-001,東京,0,1\n', // on_hand 5 -> 0
  'period_metrics.csv': 'period,metric,value\n2027-01,fx_rate,150\n2027-02,fx_rate,149.5\n', // 151.25 -> 150; one added
  'calendar.csv':
    'date,period,working,hours\n2027-01-04,2027-01,true,7.5\n2027-01-09,2027-01,false,0\n2027-02-01,2027-02,true,8\n',
  'params.json': JSON.stringify({
    horizon_start: '2027-01',
    horizon_periods: 2,
    period_granularity: 'month',
    planner: '佐藤',
  }),
};

export async function importRevision(
  pool: pg.Pool,
  label: string,
  overrides: Record<string, string | null> = {},
  versionId = '2027-01-A',
): Promise<string> {
  const dir = await writeBundle(overrides);
  try {
    const report = await importBundle(
      { pool },
      {
        label,
        versionId,
        files: await folderSources(dir),
        encoding: 'auto',
        allowInvalid: false,
        actor: systemActor('ops'),
        entrypoint: 'cli',
        sourceKind: 'folder',
      },
    );
    if (!report.stored)
      throw new Error(`fixture bundle not stored: ${JSON.stringify(report.problems.slice(0, 3))}`);
    return report.contentHash!;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Approves the draft (the review service is not what these tests are about, but only an approval makes a draft ready). */
export async function markDraftReady(pool: pg.Pool, label: string): Promise<void> {
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    comment: 'fixture',
    acknowledgeWarnings: true,
    actor: systemActor('fixture'),
  });
}

/** `label` ready with VALID_BUNDLE, `label@draft` with DRAFT_EDITS. */
export async function createEditedPair(
  pool: pg.Pool,
  label: string,
): Promise<{ readyHash: string; draftHash: string }> {
  const readyHash = await importRevision(pool, label);
  await markDraftReady(pool, label);
  const draftHash = await importRevision(pool, label, DRAFT_EDITS, '2027-01-B');
  return { readyHash, draftHash };
}
