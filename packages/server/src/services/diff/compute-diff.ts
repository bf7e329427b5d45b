import type pg from 'pg';
import { MEASURED_TABLES } from '@planning-hub/contracts/api/diff';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import { createDiffTally, diffTotals } from '@planning-hub/core/diff/diff-summary';
import { useBulkTimeouts, type TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';
import {
  openDiffCacheWriter,
  type TDiffCachePaths,
  type TDiffCacheWriter,
  type TDiffManifest,
  type TMoved,
} from './diff-cache';
import type { TKeyDictionary } from './diff-row-index';
import { createRowIndexWriter } from './diff-row-index-writer';
import { tableDiffCopySql } from './diff-sql';
import { streamTableDiff } from './diff-table-stream';
import { emptyMeasureTotals, startMeasureTotals } from './measure-totals';
import { createMovedTally, identicalMovedTable } from './moved-tally';

type TRevisionRow = {
  id: number;
  revision: number;
  content_hash: string;
  row_counts: Partial<Record<TTableName, number>>;
};

/** Resolves a reference inside the diff's snapshot, so hashes and rows belong to the same moment. */
async function loadRevision(client: TSqlClient, refText: string): Promise<TRevisionRow> {
  const ref = parseInputSetRef(refText);
  if (!ref) throw new AppError('bad_request', 'error.input_set.ref_invalid', { text: refText.slice(0, 80) });
  const columns = 'id, revision, content_hash, row_counts';
  const { rows } =
    ref.kind === 'revision'
      ? await client.query<TRevisionRow>(
          `SELECT ${columns} FROM planning_input_sets WHERE label = $1 AND revision = $2`,
          [ref.label, ref.revision],
        )
      : await client.query<TRevisionRow>(
          `SELECT ${columns} FROM planning_input_sets WHERE label = $1 AND status = $2`,
          [ref.label, ref.kind],
        );
  const found = rows[0];
  if (!found) throw new AppError('not_found', 'error.input_set.not_found', { ref: refText });
  return found;
}

/** The tables with rows on either side, in bundle order: the others cannot differ. */
function tablesToCompare(newer: TRevisionRow, older: TRevisionRow): TTableName[] {
  return TABLE_NAMES.filter(
    (table) => (newer.row_counts[table] ?? 0) > 0 || (older.row_counts[table] ?? 0) > 0,
  );
}

/**
 * Every table's differences into the row files and their indexes; with `withSummary`,
 * also "What moved": the older revision's totals (read alongside on a second connection
 * in the same snapshot) plus the changes summed as they stream by.
 */
async function diffTables(
  { pool, client }: { pool: pg.Pool; client: TSqlClient },
  {
    newer,
    older,
    writer,
    tally,
    withSummary,
  }: {
    newer: TRevisionRow;
    older: TRevisionRow;
    writer: TDiffCacheWriter;
    tally: ReturnType<typeof createDiffTally>;
    withSummary: boolean;
  },
): Promise<TMoved | null> {
  const tables = tablesToCompare(newer, older);
  const measured = MEASURED_TABLES.filter((table) => (older.row_counts[table] ?? 0) > 0);
  const totals = withSummary
    ? await startMeasureTotals(pool, client, { inputSetId: older.id, tables: measured })
    : null;
  const moved = withSummary ? createMovedTally() : null;
  try {
    const dictionaries: Partial<Record<TTableName, TKeyDictionary>> = {};
    for (const table of tables) {
      const index = createRowIndexWriter(writer.dir, table);
      const sql = tableDiffCopySql(table, older.id, newer.id);
      await streamTableDiff(client, table, sql, { writer, index, tally, moved }).catch((error: unknown) => {
        index.abort();
        throw error;
      });
      dictionaries[table] = await index.finish();
    }
    if (!totals || !moved) return null;
    const before = await totals.result;
    totals.release();
    const movedTables: TMoved['tables'] = [];
    for (const table of MEASURED_TABLES) {
      movedTables.push(
        await moved.write(writer.dir, table, before[table] ?? emptyMeasureTotals(table), dictionaries[table]),
      );
    }
    return { tables: movedTables };
  } catch (error) {
    totals?.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/**
 * Computes the diff of `ref` (newer) against `against` (older) inside PostgreSQL,
 * one FULL OUTER JOIN per table in one read-only snapshot, and writes it to the
 * cache (docs/design.md section 6): the rows, their indexes (filters and sorting) and
 * "What moved" (the totals of the quantity columns). Equal content hashes skip the
 * tables entirely, with an all-zero summary.
 * Used by the background job and, synchronously, by `planning export --diff-against`.
 * `summary: false` computes the cell diff alone (the bench's baseline); the cache it
 * leaves is not current for requests (isManifestCurrent), so they compute it again.
 */
export async function computeDiffToCache(
  { pool }: { pool: pg.Pool },
  { ref, against, paths }: { ref: string; against: string; paths: TDiffCachePaths },
  { summary: withSummary = true }: { summary?: boolean } = {},
): Promise<TDiffManifest> {
  const client = await pool.connect();
  let writer: TDiffCacheWriter | undefined;
  let failure: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await useBulkTimeouts(client, pool);
    // Hash joins of two 1M-row revisions stay in memory with this (docs: toolchain notes).
    await client.query("SET LOCAL work_mem = '64MB'");
    const newer = await loadRevision(client, ref);
    const older = await loadRevision(client, against);
    writer = await openDiffCacheWriter(paths);
    const tally = createDiffTally();
    const isIdentical = newer.content_hash === older.content_hash;
    const moved = isIdentical
      ? withSummary
        ? { tables: MEASURED_TABLES.map(identicalMovedTable) }
        : null
      : await diffTables({ pool, client }, { newer, older, writer, tally, withSummary });
    await client.query('COMMIT');
    const summary = tally.finish(older.row_counts);
    return await writer.commit({
      ref,
      against,
      refHash: newer.content_hash,
      againstHash: older.content_hash,
      refRevision: newer.revision,
      againstRevision: older.revision,
      computedAt: new Date().toISOString(),
      identical: isIdentical,
      summary,
      totals: diffTotals(summary),
      moved,
    });
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    // No ROLLBACK: behind a COPY left half-read it would wait for ever. Dropping the
    // connection (below) ends the transaction just the same.
    await writer?.abort().catch(() => {});
    throw error;
  } finally {
    client.release(failure);
  }
}
