import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { isSystemFile } from '@planning-hub/contracts/system-files';
import type { TByteSource as TCoreByteSource } from '@planning-hub/core/bytes/byte-source';
import { createEncodingMeter } from '@planning-hub/core/encoding/settle-encoding-while-spooling';
import { AppError, isAppError } from '../../errors/app-error';

/** A file of a bundle (core's TByteSource), with its `path` when it is on disk. */
export type TByteSource = TCoreByteSource & { path?: string };

export type TBundleLimits = { maxBytes: number; maxFiles: number };

/**
 * What the zips of one upload have used of the limits so far: one budget for all of
 * them, so that twenty zips cannot inflate to twenty times the limit.
 */
export type TZipBudget = { inflatedBytes: number; files: number };

export function createZipBudget(): TZipBudget {
  return { inflatedBytes: 0, files: 0 };
}

export function fileSource(name: string, filePath: string, size: number): TByteSource {
  return { name, size, path: filePath, open: () => createReadStream(filePath, { highWaterMark: 1 << 20 }) };
}

/**
 * Writes a bundle file that arrives as a stream (an upload's part, a zip's entry) to `target`,
 * counting each chunk against the caller's budget (`overBudget` gives the error that stops
 * the write, or null) and settling the file's encoding on the way, so that the import reads
 * it only to parse it (detect-encoding.ts). Resolves to the written file as a source.
 */
export async function spoolSource(
  name: string,
  stream: Readable,
  target: string,
  overBudget: (chunkBytes: number) => AppError | null,
): Promise<TByteSource> {
  let size = 0;
  const encoding = createEncodingMeter();
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      const refusal = overBudget(chunk.length);
      if (refusal) return done(refusal);
      encoding.push(chunk);
      done(null, chunk);
    },
  });
  await pipeline(stream, meter, createWriteStream(target));
  return { ...fileSource(name, target, size), settledEncoding: encoding.finish() };
}

/** Every regular file directly inside `dir` (a bundle folder, CLI `-i <dir>`). */
export async function folderSources(dir: string): Promise<TByteSource[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new AppError('bad_request', 'error.bundle.folder_missing', { path: dir });
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const sources: TByteSource[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const filePath = path.join(dir, entry.name);
    sources.push(fileSource(entry.name, filePath, (await stat(filePath)).size));
  }
  return sources.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A damaged zip (deflate data that does not inflate, sizes that lie) is a bad
 * upload, not a server fault: 400 naming the entry. Disk errors (they carry a
 * syscall) stay what they are.
 */
function asZipReadError(error: unknown, entryName: string | null): unknown {
  if (isAppError(error) || (error as NodeJS.ErrnoException | null)?.syscall) return error;
  const reason = error instanceof Error ? error.message : String(error);
  // yauzl checks entry names itself, before our own zip-slip check sees them.
  const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(
    reason,
  );
  if (unsafe) {
    return new AppError(
      'bad_request',
      'error.bundle.zip_unsafe_path',
      { entry: unsafe[1]!.slice(0, 120) },
      { cause: error },
    );
  }
  return entryName === null
    ? new AppError('bad_request', 'error.bundle.zip_unreadable', { detail: reason }, { cause: error })
    : new AppError(
        'bad_request',
        'error.bundle.zip_entry_unreadable',
        { entry: entryName.slice(0, 120), detail: reason },
        { cause: error },
      );
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, strictFileNames: false, validateEntrySizes: true },
      (error, zip) =>
        error || !zip
          ? reject(
              new AppError('bad_request', 'error.bundle.zip_unreadable', {
                detail: error?.message ?? 'unknown',
              }),
            )
          : resolve(zip),
    );
  });
}

/**
 * Extracts a bundle zip into `targetDir`. Entries with `..` or absolute paths are
 * refused (zip slip); the bytes actually inflated are counted against the limits,
 * whatever the headers claim (zip bombs), in `budget` when several zips share them.
 */
export async function extractZipBundle(
  zipPath: string,
  targetDir: string,
  limits: TBundleLimits,
  budget: TZipBudget = createZipBudget(),
): Promise<TByteSource[]> {
  await mkdir(targetDir, { recursive: true });
  const zip = await openZip(zipPath);
  const sources: TByteSource[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error) => reject(asZipReadError(error, null)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName.replace(/\\/g, '/');
        if (name.endsWith('/') || isSystemFile(name)) return zip.readEntry();
        if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) {
          return reject(
            new AppError('bad_request', 'error.bundle.zip_unsafe_path', { entry: name.slice(0, 120) }),
          );
        }
        const base = path.posix.basename(name);
        if (sources.some((s) => s.name === base)) {
          return reject(new AppError('bad_request', 'error.bundle.zip_twice', { name: base }));
        }
        budget.files += 1;
        if (budget.files > limits.maxFiles) {
          return reject(
            new AppError('payload_too_large', 'error.bundle.zip_too_many_files', { max: limits.maxFiles }),
          );
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(asZipReadError(error ?? new Error('no data'), name));
          const target = path.join(targetDir, `${sources.length}-${base.replace(/[^\w.-]/g, '_')}`);
          const overBudget = (chunkBytes: number) => {
            budget.inflatedBytes += chunkBytes;
            return budget.inflatedBytes > limits.maxBytes
              ? new AppError('payload_too_large', 'error.bundle.zip_too_large', { max: limits.maxBytes })
              : null;
          };
          spoolSource(base, stream, target, overBudget)
            .then((source) => {
              sources.push(source);
              zip.readEntry();
            })
            .catch((error: unknown) => reject(asZipReadError(error, name)));
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return sources;
}

/** Replaces every .zip among the sources by the files it holds; all the zips share one budget. */
export async function expandZipSources(
  sources: TByteSource[],
  workDir: string,
  limits: TBundleLimits,
): Promise<TByteSource[]> {
  const expanded: TByteSource[] = [];
  const budget = createZipBudget();
  for (const [index, source] of sources.entries()) {
    if (source.name.toLowerCase().endsWith('.zip') && source.path) {
      expanded.push(
        ...(await extractZipBundle(source.path, path.join(workDir, `zip-${index}`), limits, budget)),
      );
    } else expanded.push(source);
  }
  return expanded;
}

/**
 * What `planning import -i <path>` accepts: a bundle folder, a .zip of one, or a
 * single input_set.json. Zips are extracted under `scratchDir`.
 */
export async function sourcesFromPath(
  inputPath: string,
  scratchDir: string,
  limits: TBundleLimits,
): Promise<{ sources: TByteSource[]; kind: 'folder' | 'zip' | 'json' }> {
  const info = await stat(inputPath).catch(() => null);
  if (!info) throw new AppError('bad_request', 'error.bundle.path_missing', { path: inputPath });
  if (info.isDirectory()) return { sources: await folderSources(inputPath), kind: 'folder' };
  const name = path.basename(inputPath);
  const source = fileSource(name, inputPath, info.size);
  if (name.toLowerCase().endsWith('.zip')) {
    return { sources: await expandZipSources([source], scratchDir, limits), kind: 'zip' };
  }
  return { sources: [source], kind: 'json' };
}
