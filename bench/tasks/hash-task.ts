import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { computeStoredContentHash } from '@planning-hub/server/services/input-sets/content-hash';
import { withSettings } from '@planning-hub/server/database/transaction';
import {
  detectKeyCollation,
  ONE_SCAN_FROM_THE_START,
  selectRowsSql,
} from '@planning-hub/server/services/input-sets/table-sql';
import { copyTo } from '../lib/server-modules';
import { importLabel } from './import-task';
import { findRevisionId, plainSelectSql } from './revision-sql';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';

/**
 * Reads every table of a revision with COPY TO STDOUT and drops the bytes; with
 * `settings`, under those planner settings (put back after).
 */
async function drainRevision(
  pool: TDatabase['pool'],
  selectSql: (table: TTableName, id: number) => string,
  id: number,
  settings: Readonly<Record<string, string>> = {},
): Promise<number> {
  const client = await pool.connect();
  let bytes = 0;
  try {
    await withSettings(client, settings, 'session', async () => {
      for (const table of TABLE_NAMES) {
        for await (const chunk of client.query(
          copyTo(`COPY (${selectSql(table, id)}) TO STDOUT`),
        ) as AsyncIterable<Buffer>) {
          bytes += chunk.length;
        }
      }
    });
  } finally {
    client.release();
  }
  return bytes;
}

/**
 * hash: computeStoredContentHash of the imported revision, the verification read (every
 * other path reads the hash stored at import), vs reading its rows
 * (COPY TO STDOUT, drained) with the hash's own scan settings. `read_sorted` reads exactly what the hash reads
 * (text columns, natural key order), to split the sort from the hashing.
 */
export const runHashTask: TTask = async ({ url, postgresPid, rows, warmups, rounds }) => {
  const label = importLabel(rows);
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  try {
    // The export task approves the imported draft (its export is cached only then).
    const id = await findRevisionId(pool, label, 'ready').catch(() => findRevisionId(pool, label, 'draft'));
    const collation = await detectKeyCollation(pool);
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid }, [
      {
        name: 'hash',
        run: async () => {
          const client = await pool.connect();
          try {
            await computeStoredContentHash(client, id);
          } finally {
            client.release();
          }
        },
      },
      // The same plan as the hash's read (one bitmap scan of the revision's pages), so the ratio is the hash's own work.
      {
        name: 'read',
        run: async () => void (await drainRevision(pool, plainSelectSql, id, ONE_SCAN_FROM_THE_START)),
      },
      {
        name: 'read_sorted',
        run: async () => void (await drainRevision(pool, (t, i) => selectRowsSql(t, i, collation), id)),
      },
    ]);
    return { samples, cpu };
  } finally {
    await db.close();
  }
};
