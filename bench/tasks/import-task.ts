import { TABLE_NAMES, TABLE_SPECS } from '@planning-hub/contracts/tables';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import type { TStep } from '../lib/measure';
import {
  CSV_TABLES,
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
 * import: the service path (parse, validate, COPY, content hash, event), each run a
 * label's first revision, vs COPY of demand.csv into an identical table (baseline: same
 * indexes and input_set_id check), the same without the check, COPY of every CSV (for
 * scale) and COPY into the import's own table; then the weekly upload (a new revision
 * gated against the ready one) and a draft uploaded again.
 * The last import stays in place under importLabel(rows): the export and hash tasks read it.
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
    const runs = warmups + rounds;
    const main = await measureTaskRounds({ warmups, rounds, postgresPid }, [
      newRevisionEachRun(pool, label, runs, {
        name: 'import',
        run: (runLabel) => importFolder(pool, bundleDir, runLabel),
      }),
      copyDemandStep(pool, bundleDir, 'copy_demand'),
      ...(importBaselines === 'demand'
        ? []
        : [
            ...extraBaselines(pool, bundleDir),
            sharedTableCopy(pool, bundleDir, `${label}_copy_shared`, runs),
            await gatedImport(pool, bundleDir, `${label}_gated`),
          ]),
    ]);
    // After the other steps: an overwrite leaves its old rows' pages free once vacuumed, and a
    // later revision written into them would not be stored in key order (docs/performance.md).
    const overwrite =
      importBaselines === 'demand'
        ? { samples: {}, cpu: {} }
        : await measureTaskRounds({ warmups, rounds, postgresPid }, [
            await overwriteImport(pool, bundleDir, `${label}_overwrite`),
            copyDemandStep(pool, bundleDir, 'copy_demand_beside_overwrite'),
          ]);
    const samples = { ...main.samples, ...overwrite.samples };
    const cpu = { ...main.cpu, ...overwrite.cpu };
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
 * A step whose every run stores a new revision, as a label's first upload does: run k
 * writes under a label of its own (the last run under `lastLabel`, which the export and
 * hash tasks read). Nothing is deleted between runs, as the product deletes no revision:
 * each run's rows go to the end of the heap and of the primary key, as the baseline's do
 * into its empty table. A checkpoint before each run, as for the baseline.
 */
function newRevisionEachRun(
  pool: TDatabase['pool'],
  lastLabel: string,
  runs: number,
  step: {
    name: string;
    prepare?: (runLabel: string) => Promise<void>;
    run: (runLabel: string) => Promise<void>;
  },
): TStep {
  const labels = Array.from({ length: runs }, (_, i) =>
    i === runs - 1 ? lastLabel : `${lastLabel}_run${i + 1}`,
  );
  let next = 0;
  const labelOf = (i: number) => labels[Math.min(i, runs - 1)]!;
  return {
    name: step.name,
    prepare: async () => {
      await step.prepare?.(labelOf(next));
      await pool.query('CHECKPOINT');
    },
    run: () => step.run(labelOf(next++)),
  };
}

/** COPY of demand.csv into the empty copy table: the baseline. */
function copyDemandStep(pool: TDatabase['pool'], bundleDir: string, name: string): TStep {
  return {
    name,
    prepare: () => resetCopyTables(pool, [{ table: 'demand' }]),
    run: () => copyCsvFile(pool, { table: 'demand' }, bundleDir),
  };
}

/**
 * The weekly upload: a new revision of a label whose ready revision is this bundle, so
 * that the approval gates compare the draft with it (docs/design.md section 11). Before
 * each run after the first, the previous run's draft is approved (the ready one is
 * archived), so the label always has one ready revision of the same rows.
 */
async function gatedImport(pool: TDatabase['pool'], bundleDir: string, label: string): Promise<TStep> {
  await importFolder(pool, bundleDir, label);
  await approveBenchDraft(pool, label, 'bench gates');
  let ranBefore = false;
  return {
    name: 'import_gated',
    prepare: async () => {
      if (ranBefore) await approveBenchDraft(pool, label, 'bench gates');
      await pool.query('CHECKPOINT');
    },
    run: async () => {
      ranBefore = true;
      await importFolder(pool, bundleDir, label);
    },
  };
}

/**
 * A draft uploaded again: its rows are deleted and the bundle's copied in one
 * transaction, into the primary key range the old rows still hold. Vacuumed between
 * runs, as autovacuum would between two uploads.
 */
async function overwriteImport(pool: TDatabase['pool'], bundleDir: string, label: string): Promise<TStep> {
  await importFolder(pool, bundleDir, label);
  return {
    name: 'import_overwrite',
    prepare: async () => {
      for (const table of TABLE_NAMES) await pool.query(`VACUUM ${TABLE_SPECS[table].dbTable}`);
      await pool.query('CHECKPOINT');
    },
    run: () => importFolder(pool, bundleDir, label),
  };
}

/**
 * COPY of demand.csv into the import's own table, which holds every other revision of the
 * bench database, as a new draft's rows each run (newRevisionEachRun, as the import): what
 * that table's size and state cost beside the copy table, empty at each round. The column
 * default that gives the rows their input_set_id is there only while the task runs
 * (dropSharedCopyDefault).
 */
function sharedTableCopy(pool: TDatabase['pool'], bundleDir: string, label: string, runs: number): TStep {
  const demand = TABLE_SPECS.demand.dbTable;
  return newRevisionEachRun(pool, label, runs, {
    name: 'copy_demand_shared',
    prepare: async (runLabel) => {
      const id = await benchDraftId(pool, runLabel);
      await pool.query(`ALTER TABLE ${demand} ALTER COLUMN input_set_id SET DEFAULT ${Math.trunc(id)}`);
    },
    run: () => copyCsvFile(pool, { table: 'demand' }, bundleDir, demand),
  });
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
