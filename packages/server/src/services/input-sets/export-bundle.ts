import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import yazl from 'yazl';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { PrismaClient, InputSet } from '../../generated/prisma/client';
import { lockLabel, withTransaction } from '../../database/transaction';
import { actorLabel, type TActor } from '../auth/actor';
import { appendEvent } from '../events/append-event';
import { findRevision, refOf } from './resolve-ref';
import { detectKeyCollation, selectRowsSql, type TKeyCollation } from './table-sql';

type TExportDeps = { prisma: Pick<PrismaClient, 'inputSet'>; pool: pg.Pool };

/** The tables an export writes: required ones always (so re-import validates), others when they have rows. */
function tablesToWrite(revision: InputSet): TTableName[] {
  const counts = revision.rowCounts as Record<string, number>;
  return TABLE_NAMES.filter((t) => t !== 'params' && (TABLE_SPECS[t].required || (counts[t] ?? 0) > 0));
}

function csvCopySql(table: TTableName, inputSetId: number, collation: TKeyCollation): string {
  return `COPY (${selectRowsSql(table, inputSetId, collation)}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

async function readParams(pool: pg.Pool, inputSetId: number): Promise<Record<string, unknown>> {
  const { rows } = await pool.query<{ key: string; value: unknown }>(
    'SELECT key, value FROM planning_input_params WHERE input_set_id = $1 ORDER BY key COLLATE "C"',
    [inputSetId],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

async function recordExport(
  pool: pg.Pool,
  revision: InputSet,
  actor: TActor,
  target: string,
): Promise<void> {
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

/**
 * Writes a revision back as bundle files (CSV per table + params.json) so that
 * re-importing the folder gives the same content hash. Streams with COPY TO.
 */
export async function exportBundleToFolder(
  deps: TExportDeps,
  { ref, outDir, actor }: { ref: string; outDir: string; actor: TActor },
): Promise<{ revision: InputSet; files: string[] }> {
  const revision = await findRevision(deps, ref);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const client = await deps.pool.connect();
  try {
    const collation = await detectKeyCollation(client);
    for (const table of tablesToWrite(revision)) {
      const file = path.join(outDir, TABLE_SPECS[table].file);
      await pipeline(client.query(copyTo(csvCopySql(table, revision.id, collation))), createWriteStream(file));
      files.push(file);
    }
  } finally {
    client.release();
  }
  const paramsFile = path.join(outDir, 'params.json');
  await writeFile(paramsFile, `${JSON.stringify(await readParams(deps.pool, revision.id), null, 2)}\n`);
  files.push(paramsFile);
  await recordExport(deps.pool, revision, actor, 'folder');
  return { revision, files };
}

/** The same bundle as a zip stream (REST download); the connection is released when the zip ends. */
export async function exportBundleAsZip(
  deps: TExportDeps,
  { ref, actor }: { ref: string; actor: TActor },
): Promise<{ revision: InputSet; stream: Readable; fileName: string }> {
  const revision = await findRevision(deps, ref);
  const params = await readParams(deps.pool, revision.id);
  await recordExport(deps.pool, revision, actor, 'zip');
  const collation = await detectKeyCollation(deps.pool);
  const client = await deps.pool.connect();
  const zip = new yazl.ZipFile();
  // pg runs a client's queries one after another, as yazl reads its entries.
  for (const table of tablesToWrite(revision)) {
    const copy = client.query(copyTo(csvCopySql(table, revision.id, collation)));
    zip.addReadStream(copy.pipe(new PassThrough()), TABLE_SPECS[table].file);
  }
  zip.addBuffer(Buffer.from(`${JSON.stringify(params, null, 2)}\n`), 'params.json');
  zip.end();
  const out = zip.outputStream as Readable;
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      client.release();
    }
  };
  out.on('end', release);
  out.on('error', release);
  out.on('close', release);
  return { revision, stream: out, fileName: `planning_inputs_${refOf(revision).replace('@', '_')}.zip` };
}
