import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import { buildChangedRow, type TRawChangedRow } from '@planning-hub/core/diff/change-record';
import { createDiffTally, diffTotals } from '@planning-hub/core/diff/diff-summary';
import { useBulkTimeouts, type TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';
import { parseCopyTextValue } from '../input-sets/table-sql';
import { openDiffCacheWriter, type TDiffCachePaths, type TDiffCacheWriter, type TDiffManifest } from './diff-cache';
import { tableDiffCopySql } from './diff-sql';

type TRevisionRow = { id: number; revision: number; content_hash: string; row_counts: Partial<Record<TTableName, number>> };

/** Resolves a reference inside the diff's snapshot, so hashes and rows belong to the same moment. */
async function loadRevision(client: TSqlClient, refText: string): Promise<TRevisionRow> {
  const ref = parseInputSetRef(refText);
  if (!ref) throw new AppError('bad_request', { message: `'${refText.slice(0, 80)}' is not an input set reference.` });
  const columns = 'id, revision, content_hash, row_counts';
  const { rows } =
    ref.kind === 'revision'
      ? await client.query<TRevisionRow>(`SELECT ${columns} FROM planning_input_sets WHERE label = $1 AND revision = $2`, [
          ref.label,
          ref.revision,
        ])
      : await client.query<TRevisionRow>(`SELECT ${columns} FROM planning_input_sets WHERE label = $1 AND status = $2`, [
          ref.label,
          ref.kind,
        ]);
  const found = rows[0];
  if (!found) throw new AppError('not_found', { message: `Input set '${refText}' not found.` });
  return found;
}

/** Streams one table's differences (COPY TO) into the writer; memory stays bounded by one chunk. */
async function diffTable(
  client: TSqlClient,
  table: TTableName,
  ids: { olderId: number; newerId: number },
  writer: TDiffCacheWriter,
  tally: ReturnType<typeof createDiffTally>,
): Promise<void> {
  const stream = client.query(copyTo(tableDiffCopySql(table, ids.olderId, ids.newerId)));
  const decoder = new TextDecoder();
  let rest = '';
  const handleLine = (line: string): Promise<void> | undefined => {
    const tab = line.indexOf('\t');
    const kind = line.slice(0, tab) as TDiffKind;
    const json = parseCopyTextValue(line.slice(tab + 1)) ?? '{}';
    if (kind !== 'changed') {
      tally.add(table, kind);
      return writer.append(table, kind, json);
    }
    const row = buildChangedRow(table, JSON.parse(json) as TRawChangedRow);
    tally.add(
      table,
      'changed',
      row.changes.map((c) => c.column),
    );
    return writer.append(table, 'changed', JSON.stringify(row));
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const wait = handleLine(text.slice(start, nl));
      start = nl + 1;
      if (wait) await wait;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest.length > 0) await handleLine(rest);
}

/**
 * Computes the diff of `ref` (newer) against `against` (older) inside PostgreSQL,
 * one FULL OUTER JOIN per table in one read-only snapshot, and writes it to the
 * cache (DESIGN.md section 6). Equal content hashes skip the tables entirely.
 * Used by the background job and, synchronously, by `planning export --diff-against`.
 */
export async function computeDiffToCache(
  { pool }: { pool: pg.Pool },
  { ref, against, paths }: { ref: string; against: string; paths: TDiffCachePaths },
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
    if (!isIdentical) {
      for (const table of TABLE_NAMES) {
        if (!(newer.row_counts[table] ?? 0) && !(older.row_counts[table] ?? 0)) continue;
        await diffTable(client, table, { olderId: older.id, newerId: newer.id }, writer, tally);
      }
    }
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
