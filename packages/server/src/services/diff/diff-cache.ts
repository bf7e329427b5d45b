import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import {
  DIFF_DIMENSIONS,
  DIFF_KINDS,
  MEASURED_TABLES,
  ZDiffResult,
  type TDiffKind,
} from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import { diffCacheName } from '@planning-hub/core/diff/diff-cache-name';
import { PAGE_STRIDE, createPageIndex, locateLine } from '@planning-hub/core/diff/page-index';
import { DIFF_FAILURE_FORMAT, ZDiffFailureRecord, type TDiffFailureRecord } from './diff-failure-record';

/**
 * The runbook's diff cache (section 6): `tmp/input_set_diffs/<label>__<against>.json`
 * is the manifest (hashes, summary, row file index); the rows live next to it in
 * `<label>__<against>/<computation id>/<table>.<kind>.ndjson`, so pages are read
 * by seeking. The manifest is written last (temp file + rename): it is the commit
 * point, and deleting it forces a recompute on the next request. A diff that failed
 * for good leaves a failure record at the same path instead (diff-failure-record.ts).
 */
export const DIFF_CACHE_FORMAT = 'planning-hub/input-set-diff@2';

const ZRowFile = z.object({ file: z.string(), count: z.number().int(), offsets: z.array(z.number().int()) });

/**
 * "What moved" as the job computed it (exact, no tolerance): per measured table, its
 * columns' totals and one file of group totals per dimension (moved-tally.ts). Null when
 * the job computed the cell diff alone (the bench's baseline): such a cache is not current.
 */
const ZMoved = z.object({
  tables: z.array(
    z.object({
      table: z.enum(MEASURED_TABLES),
      columns: z.array(
        z.object({ column: z.string(), before: z.string(), after: z.string(), delta: z.string() }),
      ),
      dimensions: z.array(
        z.object({ by: z.enum(DIFF_DIMENSIONS), file: z.string().nullable(), count: z.number().int() }),
      ),
    }),
  ),
});
export type TMoved = z.infer<typeof ZMoved>;

export const ZDiffManifest = ZDiffResult.omit({ state: true, cacheFile: true }).extend({
  format: z.literal(DIFF_CACHE_FORMAT),
  rows: z.object({
    /** Folder of the row files, relative to the cache folder. */
    dir: z.string(),
    stride: z.number().int(),
    files: z.partialRecord(z.enum(TABLE_NAMES), z.partialRecord(z.enum(DIFF_KINDS), ZRowFile)),
  }),
  moved: ZMoved.nullable(),
});
export type TDiffManifest = z.infer<typeof ZDiffManifest>;

export type TDiffCachePaths = { cacheDir: string; name: string; manifestFile: string; rowsRoot: string };

/** Superseded row folders stay this long, for pages being read while a recompute lands. */
const SUPERSEDED_GRACE_MS = 10 * 60 * 1000;

function assertInside(dir: string, target: string): string {
  const relative = path.relative(dir, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Refusing a diff cache path outside ${dir}.`);
  }
  return target;
}

export function diffCacheDir(tmpDir: string): string {
  return path.join(tmpDir, 'input_set_diffs');
}

export function diffCachePaths(cacheDir: string, ref: string, against: string): TDiffCachePaths {
  const name = diffCacheName(ref, against);
  return {
    cacheDir,
    name,
    manifestFile: assertInside(cacheDir, path.join(cacheDir, `${name}.json`)),
    rowsRoot: assertInside(cacheDir, path.join(cacheDir, name)),
  };
}

export type TManifestRead =
  | { status: 'missing' }
  | { status: 'unreadable' }
  | { status: 'ok'; manifest: TDiffManifest }
  | { status: 'failed'; failure: TDiffFailureRecord };

export async function readDiffManifest(paths: TDiffCachePaths): Promise<TManifestRead> {
  let text: string;
  try {
    text = await readFile(paths.manifestFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    const json: unknown = JSON.parse(text);
    if ((json as { format?: unknown } | null)?.format === DIFF_FAILURE_FORMAT) {
      const failure = ZDiffFailureRecord.safeParse(json);
      return failure.success ? { status: 'failed', failure: failure.data } : { status: 'unreadable' };
    }
    const parsed = ZDiffManifest.safeParse(json);
    return parsed.success ? { status: 'ok', manifest: parsed.data } : { status: 'unreadable' };
  } catch {
    return { status: 'unreadable' };
  }
}

/** Whether a manifest was computed for exactly these references and content hashes, and its rows are still there. */
export async function isManifestCurrent(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  expected: { ref: string; against: string; refHash: string; againstHash: string },
): Promise<boolean> {
  if (
    manifest.moved === null ||
    manifest.ref !== expected.ref ||
    manifest.against !== expected.against ||
    manifest.refHash !== expected.refHash ||
    manifest.againstHash !== expected.againstHash
  ) {
    return false;
  }
  try {
    return (await stat(rowsDirOf(paths, manifest))).isDirectory();
  } catch {
    return false;
  }
}

export async function removeDiffManifest(paths: TDiffCachePaths): Promise<void> {
  await rm(paths.manifestFile, { force: true });
}

export function rowsDirOf(paths: TDiffCachePaths, manifest: TDiffManifest): string {
  return assertInside(paths.rowsRoot, path.join(paths.cacheDir, manifest.rows.dir));
}

export const rowFileName = (table: TTableName, kind: TDiffKind) => `${table}.${kind}.ndjson`;

type TOpenFile = {
  stream: WriteStream;
  index: ReturnType<typeof createPageIndex>;
  failed: Promise<never>;
  /** Lines not yet handed to the stream: one write per ~64 KiB, not per row (a write per row is several times slower). */
  pending: string;
  /** Bytes appended so far: where the next line starts. */
  bytes: number;
};

const FLUSH_CHARS = 64 * 1024;

/**
 * Writes one computation: rows into a private temp folder, then `commit` renames it
 * into place and writes the manifest atomically. `abort` leaves nothing behind.
 */
export async function openDiffCacheWriter(paths: TDiffCachePaths) {
  const id = randomUUID();
  const tempDir = path.join(paths.rowsRoot, `.tmp-${id}`);
  await mkdir(tempDir, { recursive: true });
  const files = new Map<string, TOpenFile & { table: TTableName; kind: TDiffKind }>();

  function fileFor(table: TTableName, kind: TDiffKind) {
    const name = rowFileName(table, kind);
    let file = files.get(name);
    if (!file) {
      const stream = createWriteStream(path.join(tempDir, name));
      const failed = new Promise<never>((_, reject) => stream.once('error', reject));
      failed.catch(() => {});
      file = { stream, index: createPageIndex(PAGE_STRIDE), failed, pending: '', bytes: 0, table, kind };
      files.set(name, file);
    }
    return file;
  }

  /** Appends one JSON line; returns a promise only when the caller must wait for the disk. */
  function append(table: TTableName, kind: TDiffKind, json: string): Promise<void> | undefined {
    const file = fileFor(table, kind);
    const line = `${json}\n`;
    const length = Buffer.byteLength(line);
    file.index.add(length);
    file.bytes += length;
    file.pending += line;
    if (file.pending.length < FLUSH_CHARS) return undefined;
    return flush(file);
  }

  function flush(file: TOpenFile): Promise<void> | undefined {
    const chunk = file.pending;
    file.pending = '';
    if (chunk === '' || file.stream.write(chunk)) return undefined;
    return Promise.race([once(file.stream, 'drain').then(() => undefined), file.failed]);
  }

  async function closeAll(): Promise<void> {
    await Promise.all(
      [...files.values()].map(async (file) => {
        const { stream, failed } = file;
        stream.end(file.pending);
        file.pending = '';
        await Promise.race([once(stream, 'close'), failed]);
      }),
    );
  }

  async function commit(result: Omit<TDiffManifest, 'format' | 'rows'>): Promise<TDiffManifest> {
    await closeAll();
    const finalDir = path.join(paths.rowsRoot, id);
    await rename(tempDir, finalDir);
    const rowFiles: TDiffManifest['rows']['files'] = {};
    for (const { table, kind, index } of files.values()) {
      (rowFiles[table] ??= {})[kind] = {
        file: rowFileName(table, kind),
        count: index.lines,
        offsets: index.offsets,
      };
    }
    const manifest: TDiffManifest = {
      format: DIFF_CACHE_FORMAT,
      ...result,
      rows: {
        dir: path.relative(paths.cacheDir, finalDir).split(path.sep).join('/'),
        stride: PAGE_STRIDE,
        files: rowFiles,
      },
    };
    const tempManifest = `${paths.manifestFile}.tmp-${id}`;
    await writeFile(tempManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(tempManifest, paths.manifestFile);
    await removeSupersededRows(paths).catch(() => {});
    return manifest;
  }

  async function abort(): Promise<void> {
    for (const { stream } of files.values()) stream.destroy();
    await rm(tempDir, { recursive: true, force: true });
  }

  /** The byte offset the next line of a row file starts at (for its row index). */
  function offsetOf(table: TTableName, kind: TDiffKind): number {
    return files.get(rowFileName(table, kind))?.bytes ?? 0;
  }

  /** The computation's private folder: indexes and summary files go there, and move into place with the rows. */
  return { dir: tempDir, append, offsetOf, commit, abort };
}

export type TDiffCacheWriter = Awaited<ReturnType<typeof openDiffCacheWriter>>;

/** Row folders no manifest points to any more (and older than the grace period), and temp folders of crashed writers. */
async function removeSupersededRows(paths: TDiffCachePaths): Promise<void> {
  const current = await readDiffManifest(paths);
  const keep = current.status === 'ok' ? path.basename(current.manifest.rows.dir) : null;
  const now = Date.now();
  for (const entry of await readdir(paths.rowsRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = path.join(paths.rowsRoot, entry.name);
    const { mtimeMs } = await stat(dir);
    const grace = entry.name.startsWith('.tmp-') ? 6 * SUPERSEDED_GRACE_MS : SUPERSEDED_GRACE_MS;
    if (now - mtimeMs > grace) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One page of a row file: seeks to the indexed line before `offset` and reads at
 * most `limit` lines; memory stays bounded by the page, whatever the file size.
 */
export async function readDiffRowsPage(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  { table, kind, offset, limit }: { table: TTableName; kind: TDiffKind; offset: number; limit: number },
): Promise<{ total: number; rows: unknown[] }> {
  const entry = manifest.rows.files[table]?.[kind];
  if (!entry || offset >= entry.count) return { total: entry?.count ?? 0, rows: [] };
  const { start, skip } = locateLine(entry.offsets, offset, manifest.rows.stride);
  const file = assertInside(paths.rowsRoot, path.join(rowsDirOf(paths, manifest), rowFileName(table, kind)));
  const stream = createReadStream(file, { start, encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const rows: unknown[] = [];
  let seen = 0;
  try {
    for await (const line of lines) {
      if (seen++ < skip) continue;
      rows.push(JSON.parse(line));
      if (rows.length >= limit) break;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return { total: entry.count, rows };
}

/** Every row of one file in order, for the CLI's --json output. */
export async function* readAllDiffRows(
  paths: TDiffCachePaths,
  manifest: TDiffManifest,
  table: TTableName,
  kind: TDiffKind,
): AsyncGenerator<string> {
  if (!manifest.rows.files[table]?.[kind]) return;
  const file = assertInside(paths.rowsRoot, path.join(rowsDirOf(paths, manifest), rowFileName(table, kind)));
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}
