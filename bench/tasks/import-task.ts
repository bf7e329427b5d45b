import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import type { TStep } from '../lib/measure';
import {
  CSV_TABLES,
  clearDraftRows,
  copyCsvFile,
  benchDraftId,
  createCopyTables,
  dropCopyTables,
  resetCopyTables,
} from './bench-tables';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';
import { systemActor } from '@planning-hub/server/services/auth/actor';

/**
 * The import task's label at one size; the export and hash tasks read its revision. One
 * label per size, so that no size's import is compared with another size's ready revision.
 */
export const importLabel = (rows: number) => `bench_import_${rows}`;

/** The import as `planning import -i <dir>` runs it: folder sources into importBundle. */
export async function importFolder(pool: TDatabase['pool'], bundleDir: string, label: string): Promise<void> {
  const report = await importBundle(
    { pool },
    {
      label,
      versionId: 'bench',
      files: await folderSources(bundleDir),
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('cli:bench'),
      entrypoint: 'cli',
      sourceKind: 'folder',
    },
  );
  if (!report.stored)
    throw new Error(`import of ${bundleDir} was not stored: ${JSON.stringify(report.problemSummary)}`);
}

/**
 * import: the service path (parse, validate, COPY, content hash, event) vs COPY of
 * demand.csv into an identical table (baseline: same indexes and foreign key), the
 * same without the foreign key, and COPY of every CSV (for scale).
 * The last import stays in place: the export and hash tasks read it.
 */
export const runImportTask: TTask = async ({
  url,
  postgresPid,
  bundleDir,
  rows: size,
  warmups,
  rounds,
  importBaselines = 'all',
}) => {
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  const label = importLabel(size);
  try {
    await createCopyTables(pool);
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid }, [
      {
        name: 'import',
        prepare: () => clearDraftRows(pool, label),
        run: () => importFolder(pool, bundleDir, label),
      },
      {
        name: 'copy_demand',
        prepare: () => resetCopyTables(pool, [{ table: 'demand' }]),
        run: () => copyCsvFile(pool, { table: 'demand' }, bundleDir),
      },
      ...(importBaselines === 'demand'
        ? []
        : [
            ...extraBaselines(pool, bundleDir),
            await sharedTableCopy(pool, bundleDir, `${label}_copy_shared`),
            await gatedImport(pool, bundleDir, `${label}_gated`),
          ]),
    ]);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${TABLE_SPECS.demand.dbTable}`,
    );
    await dropCopyTables(pool);
    return { samples, cpu, info: { demandRowsStored: Number(rows[0]!.n) } };
  } finally {
    await dropSharedCopyDefault(pool).catch(() => {});
    await db.close();
  }
};

/** Approves the label's draft as the bench's reviewer (warnings acknowledged). */
export async function approveBenchDraft(
  pool: TDatabase['pool'],
  label: string,
  comment: string,
): Promise<void> {
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    reviewer: 'bench',
    comment,
    acknowledgeWarnings: true,
    actor: systemActor('bench'),
  });
}

/**
 * The same import into a label whose ready revision is this bundle: the approval gates then
 * compare the draft with it (docs/design.md section 11), as a weekly upload's do. The ready
 * revision is imported and approved once, before the rounds.
 */
async function gatedImport(pool: TDatabase['pool'], bundleDir: string, label: string): Promise<TStep> {
  await importFolder(pool, bundleDir, label);
  await approveBenchDraft(pool, label, 'bench gates');
  return {
    name: 'import_gated',
    prepare: () => clearDraftRows(pool, label),
    run: () => importFolder(pool, bundleDir, label),
  };
}

/**
 * COPY of demand.csv into the import's own table, which holds every other revision of the
 * bench database, as the rows of a draft of its own: what that table's size and state
 * cost beside the copy table, empty at each round. The column default that gives the rows
 * their input_set_id is there only while the task runs (dropSharedCopyDefault).
 */
async function sharedTableCopy(pool: TDatabase['pool'], bundleDir: string, label: string): Promise<TStep> {
  const demand = TABLE_SPECS.demand.dbTable;
  const id = await benchDraftId(pool, label);
  return {
    name: 'copy_demand_shared',
    prepare: async () => {
      await clearDraftRows(pool, label);
      await pool.query(`ALTER TABLE ${demand} ALTER COLUMN input_set_id SET DEFAULT ${Math.trunc(id)}`);
    },
    run: () => copyCsvFile(pool, { table: 'demand' }, bundleDir, demand),
  };
}

async function dropSharedCopyDefault(pool: TDatabase['pool']): Promise<void> {
  await pool.query(`ALTER TABLE ${TABLE_SPECS.demand.dbTable} ALTER COLUMN input_set_id DROP DEFAULT`);
}

/** COPY without the input_set_id check (what the check costs), and of every CSV (what the other tables add). */
function extraBaselines(pool: TDatabase['pool'], bundleDir: string): TStep[] {
  return [
    {
      name: 'copy_demand_no_fk',
      prepare: () => resetCopyTables(pool, [{ table: 'demand', bare: true }]),
      run: () => copyCsvFile(pool, { table: 'demand', bare: true }, bundleDir),
    },
    {
      name: 'copy_all_tables',
      prepare: () =>
        resetCopyTables(
          pool,
          CSV_TABLES.map((table) => ({ table })),
        ),
      run: async () => {
        for (const table of CSV_TABLES) await copyCsvFile(pool, { table }, bundleDir);
      },
    },
  ];
}
