import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import yazl from 'yazl';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { InputSet } from '../../generated/prisma/client';
import {
  lockLabel,
  useBulkTimeouts,
  withSettings,
  withTransaction,
  type TSqlClient,
} from '../../database/transaction';
import { actorLabel, type TActor } from '../auth/actor';
import { appendEvent } from '../events/append-event';
import { findRevisionByRef, refOf } from '../../data/input-set-revisions';
import type { TExportCache } from './export-cache';
import { createCsvInKeyOrder } from './csv-key-order';
import {
  detectKeyCollation,
  ONE_SCAN_FROM_THE_START,
  selectRowsInAnyOrderSql,
  selectRowsSql,
  type TKeyCollation,
} from './table-sql';

/**
 * `exportCache`: where exports of revisions that are not drafts are kept (export-cache.ts);
 * without one every export reads the database, as drafts always do.
 */
type TExportDeps = { pool: pg.Pool; exportCache?: TExportCache | undefined };

/** The cache for this revision: none for a draft, whose rows an upload may still replace. */
function cacheFor(deps: TExportDeps, revision: InputSet): TExportCache | null {
  return deps.exportCache && revision.status !== 'draft' ? deps.exportCache : null;
}

/** The tables an export writes: required ones always (so re-import validates), others when they have rows. */
function tablesToWrite(revision: InputSet): TTableName[] {
  const counts = revision.rowCounts as Record<string, number>;
  return TABLE_NAMES.filter((t) => t !== 'params' && (TABLE_SPECS[t].required || (counts[t] ?? 0) > 0));
}

/** The table's CSV in natural key order; with `inStoredOrder`, in whatever order the plan reads the rows. */
function csvCopySql(
  table: TTableName,
  inputSetId: number,
  order: { inStoredOrder: true } | { inStoredOrder: false; collation: TKeyCollation },
): string {
  const select = order.inStoredOrder
    ? selectRowsInAnyOrderSql(table, inputSetId)
    : selectRowsSql(table, inputSetId, order.collation);
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

/**
 * One table's CSV file in natural key order. The rows are first read in the order they are
 * stored, which is nearly key order for a revision imported from a file in key order,
 * without the index walk and its heap fetch per row: the few rows stored elsewhere are put
 * back in place on their way to the file (csv-key-order.ts). Only when that cannot be done
 * is the file written again from a key-ordered read (docs/performance.md, Export).
 */
async function writeTableFile(
  client: TSqlClient,
  table: TTableName,
  inputSetId: number,
  collation: TKeyCollation,
  file: string,
): Promise<void> {
  const inKeyOrder = createCsvInKeyOrder(table);
  let isInKeyOrder = true;
  // The bytes go on to the file as they come; once given up, the rest is drained unwritten.
  const mend = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = isInKeyOrder ? inKeyOrder.push(chunk) : null;
      if (bytes === null) isInKeyOrder = false;
      done(null, bytes === null || bytes.length === 0 ? undefined : Buffer.from(bytes));
    },
    flush(done) {
      const bytes = isInKeyOrder ? inKeyOrder.end() : null;
      if (bytes === null) isInKeyOrder = false;
      done(null, bytes === null || bytes.length === 0 ? undefined : Buffer.from(bytes));
    },
  });
  await pipeline(
    client.query(copyTo(csvCopySql(table, inputSetId, { inStoredOrder: true }))),
    mend,
    createWriteStream(file),
  );
  if (isInKeyOrder) return;
  await pipeline(
    client.query(copyTo(csvCopySql(table, inputSetId, { inStoredOrder: false, collation }))),
    createWriteStream(file),
  );
}

async function readParams(pool: pg.Pool, inputSetId: number): Promise<Record<string, unknown>> {
  const { rows } = await pool.query<{ key: string; value: unknown }>(
    'SELECT key, value FROM planning_input_params WHERE input_set_id = $1 ORDER BY key COLLATE "C"',
    [inputSetId],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

async function recordExport(pool: pg.Pool, revision: InputSet, actor: TActor, target: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    await lockLabel(client, revision.label);
    await appendEvent(client, {
      label: revision.label,
      inputSetId: revision.id,
      revision: revision.revision,
      action: 'export',
      actor: actorLabel(actor),
      principal: actor.username,
      userId: actor.userId,
      comment: null,
      metadata: { target, content_hash: revision.contentHash, ref: refOf(revision) },
    });
  });
}

/** Every table of an export from one snapshot, with the bulk statement timeout (a 10M-row COPY takes minutes). */
async function beginExport(client: TSqlClient, pool: pg.Pool): Promise<TKeyCollation> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await useBulkTimeouts(client, pool);
  return detectKeyCollation(client);
}

/**
 * Writes a revision back as bundle files (CSV per table + params.json) so that
 * re-importing the folder gives the same content hash. Streams with COPY TO; a
 * revision that is not a draft is read once and copied from the export cache after.
 */
export async function exportBundleToFolder(
  deps: TExportDeps,
  { ref, outDir, actor }: { ref: string; outDir: string; actor: TActor },
): Promise<{ revision: InputSet; files: string[] }> {
  const revision = await findRevisionByRef(deps.pool, ref);
  await mkdir(outDir, { recursive: true });
  const names = [...tablesToWrite(revision).map((table) => TABLE_SPECS[table].file), 'params.json'];
  const cache = cacheFor(deps, revision);
  if (!(await cache?.copyFolder(revision.contentHash, names, outDir))) {
    await writeBundleFiles(deps.pool, revision, outDir);
    await cache?.keepFolder(revision.contentHash, names, outDir);
  }
  await recordExport(deps.pool, revision, actor, 'folder');
  return { revision, files: names.map((name) => path.join(outDir, name)) };
}

/** The bundle files of a revision, read from the database. */
async function writeBundleFiles(pool: pg.Pool, revision: InputSet, outDir: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const collation = await beginExport(client, pool);
    await withSettings(client, ONE_SCAN_FROM_THE_START, 'transaction', async () => {
      for (const table of tablesToWrite(revision)) {
        await writeTableFile(
          client,
          table,
          revision.id,
          collation,
          path.join(outDir, TABLE_SPECS[table].file),
        );
      }
    });
    await client.query('COMMIT');
  } catch (error) {
    // A COPY cut off halfway (a full disk) leaves the connection unusable: drop it.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
  await writeFile(
    path.join(outDir, 'params.json'),
    `${JSON.stringify(await readParams(pool, revision.id), null, 2)}\n`,
  );
}

/**
 * The same bundle as a zip stream (REST download). One connection reads the tables,
 * one COPY at a time as the zip reaches each entry, in one read-only snapshot. The
 * connection goes back to the pool once the zip has been read to its end; when the
 * stream stops before (the client hung up, and the caller destroyed it; an error) the
 * connection is dropped: a COPY cut off halfway leaves it unusable, and the snapshot
 * must not stay open behind a client that is gone.
 */
export async function exportBundleAsZip(
  deps: TExportDeps,
  { ref, actor }: { ref: string; actor: TActor },
): Promise<{ revision: InputSet; stream: Readable; fileName: string }> {
  const revision = await findRevisionByRef(deps.pool, ref);
  const fileName = `planning_inputs_${refOf(revision).replace('@', '_')}.zip`;
  const cache = cacheFor(deps, revision);
  const cached = await cache?.openZip(revision.contentHash);
  if (cached) {
    await recordExport(deps.pool, revision, actor, 'zip');
    return { revision, stream: cached.stream, fileName };
  }
  const params = await readParams(deps.pool, revision.id);
  await recordExport(deps.pool, revision, actor, 'zip');
  const client = await deps.pool.connect();
  let isReleased = false;
  const release = (error?: Error) => {
    if (isReleased) return;
    isReleased = true;
    client.release(error);
  };
  let collation: TKeyCollation;
  try {
    collation = await beginExport(client, deps.pool);
  } catch (error) {
    release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as Readable;
  const stop = (error: Error) => out.destroy(error);
  zip.on('error', stop);
  for (const table of tablesToWrite(revision)) {
    zip.addReadStreamLazy(TABLE_SPECS[table].file, (open) => {
      if (isReleased) return open(new Error('The export was stopped.'), undefined as never);
      const copy = client.query(copyTo(csvCopySql(table, revision.id, { inStoredOrder: false, collation })));
      copy.on('error', stop);
      open(null, copy);
    });
  }
  zip.addBuffer(Buffer.from(`${JSON.stringify(params, null, 2)}\n`), 'params.json');
  zip.end();
  out.on('end', () => {
    client.query('COMMIT').then(
      () => release(),
      (error: Error) => release(error),
    );
  });
  out.on('close', () => {
    if (!out.readableEnded) release(new Error('The export stopped before its end.'));
  });
  return { revision, stream: cache ? cache.keepZip(revision.contentHash, out) : out, fileName };
}
