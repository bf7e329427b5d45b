import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { withSettings } from '@planning-hub/server/database/transaction';
import { exportBundleToFolder } from '@planning-hub/server/services/input-sets/export-bundle';
import { ONE_SCAN_FROM_THE_START } from '@planning-hub/server/services/input-sets/table-sql';
import { createExportCache } from '@planning-hub/server/services/input-sets/export-cache';
import { copyTo } from '../lib/server-modules';
import { CSV_TABLES } from './bench-tables';
import { approveBenchDraft, importLabel } from './import-task';
import { findRevisionId, plainSelectSql } from './revision-sql';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';
import { systemActor } from '@planning-hub/server/services/auth/actor';

/** The imported revision, approved (once) so that its export is cached: drafts are always read live. */
async function readyRevisionId(pool: TDatabase['pool'], label: string): Promise<number> {
  const ready = await findRevisionId(pool, label, 'ready').catch(() => null);
  if (ready !== null) return ready;
  await approveBenchDraft(pool, label, 'bench export');
  return findRevisionId(pool, label, 'ready');
}

/**
 * export: exportBundleToFolder (`planning export`) of the imported revision, approved,
 * vs `COPY (SELECT ...) TO STDOUT (FORMAT csv)` of the same tables into files, unordered,
 * with the export's scan settings. `export_cold` is its first export (the export cache
 * emptied before: read from the database in stored order, put back in key order on the way
 * to the files, then kept); `export` every later one (copied from the cache),
 * which is what a revision that is not a draft costs from its second export on.
 */
export const runExportTask: TTask = async ({ url, postgresPid, workDir, rows, warmups, rounds }) => {
  const label = importLabel(rows);
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  const exportDir = path.join(workDir, 'export');
  const copyDir = path.join(workDir, 'copy-to');
  const cacheDir = path.join(workDir, 'export-cache');
  const exportCache = createExportCache(cacheDir);
  const exportOnce = async (): Promise<void> => {
    await exportBundleToFolder(
      { pool, exportCache },
      { ref: label, outDir: exportDir, actor: systemActor('cli:bench') },
    );
  };
  try {
    const id = await readyRevisionId(pool, label);
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid }, [
      {
        name: 'export_cold',
        prepare: async () => {
          await rm(exportDir, { recursive: true, force: true });
          await rm(cacheDir, { recursive: true, force: true });
        },
        run: exportOnce,
      },
      {
        name: 'export',
        prepare: () => rm(exportDir, { recursive: true, force: true }),
        run: exportOnce,
      },
      {
        name: 'copy_to_csv',
        prepare: async () => {
          await rm(copyDir, { recursive: true, force: true });
          await mkdir(copyDir, { recursive: true });
        },
        run: async () => {
          const client = await pool.connect();
          try {
            // The same plan as the export's read in stored order: one bitmap scan of the revision's pages.
            await withSettings(client, ONE_SCAN_FROM_THE_START, 'session', async () => {
              for (const table of CSV_TABLES) {
                const sql = `COPY (${plainSelectSql(table, id)}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
                await pipeline(
                  client.query(copyTo(sql)),
                  createWriteStream(path.join(copyDir, TABLE_SPECS[table].file)),
                );
              }
            });
          } finally {
            client.release();
          }
        },
      },
    ]);
    await rm(exportDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    return { samples, cpu };
  } finally {
    await db.close();
  }
};
