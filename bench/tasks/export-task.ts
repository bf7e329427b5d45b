import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { exportBundleToFolder } from '@planning-hub/server/services/input-sets/export-bundle';
import { copyTo } from '../lib/server-modules';
import { CSV_TABLES } from './bench-tables';
import { IMPORT_LABEL } from './import-task';
import { findRevisionId, plainSelectSql } from './revision-sql';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';
import { systemActor } from '@planning-hub/server/services/auth/actor';

/**
 * export: exportBundleToFolder (`planning export`) of the imported revision vs
 * `COPY (SELECT ...) TO STDOUT (FORMAT csv)` of the same tables into files, unordered.
 */
export const runExportTask: TTask = async ({ url, postgresPid, workDir, warmups, rounds }) => {
  const db = createDatabaseClients(url, 4);
  const { pool, prisma } = db;
  const exportDir = path.join(workDir, 'export');
  const copyDir = path.join(workDir, 'copy-to');
  try {
    const id = await findRevisionId(pool, IMPORT_LABEL, 'draft');
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid }, [
      {
        name: 'export',
        prepare: () => rm(exportDir, { recursive: true, force: true }),
        run: async () => {
          await exportBundleToFolder(
            { prisma, pool },
            { ref: `${IMPORT_LABEL}@draft`, outDir: exportDir, actor: systemActor('cli:bench') },
          );
        },
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
            for (const table of CSV_TABLES) {
              const sql = `COPY (${plainSelectSql(table, id)}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
              await pipeline(
                client.query(copyTo(sql)),
                createWriteStream(path.join(copyDir, TABLE_SPECS[table].file)),
              );
            }
          } finally {
            client.release();
          }
        },
      },
    ]);
    await rm(exportDir, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
    return { samples, cpu };
  } finally {
    await db.close();
  }
};
