import { randomBytes } from 'node:crypto';
import { constants, createReadStream, writeSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, pipeline, type Readable } from 'node:stream';

/**
 * Exports of revisions that are not drafts, written once and served from files keyed
 * by content hash (docs/design.md section 2, Export and the content hash): such a revision never changes, and
 * equal content hashes mean equal rows, hence equal files. Nothing is ever invalidated.
 * Files are written next to their place and renamed into it (as the run artifact store
 * does), so a reader sees a whole export or none.
 *   <root>/<content hash>.zip   the REST download
 *   <root>/<content hash>/      the bundle files of `exportBundleToFolder`
 */
export type TExportCache = {
  /** Where the files live (ARTIFACT_DIR/exports), for operators. */
  location: string;
  /** The cached zip, or null when this content was never downloaded. */
  openZip: (contentHash: string) => Promise<{ stream: Readable; bytes: number } | null>;
  /**
   * Passes the zip stream through and keeps a copy; the copy is moved into place
   * only when the stream ends whole (a download stopped halfway leaves nothing).
   * A copy that cannot be written is dropped: the download goes on.
   */
  keepZip: (contentHash: string, zip: Readable) => Readable;
  /** Copies the cached bundle files into `outDir`; false when there are none. */
  copyFolder: (contentHash: string, files: readonly string[], outDir: string) => Promise<boolean>;
  /** Keeps copies of freshly exported bundle files (best effort, like keepZip). */
  keepFolder: (contentHash: string, files: readonly string[], fromDir: string) => Promise<void>;
};

const CONTENT_HASH = /^[0-9a-f]{64}$/;

/** Where a content hash's entry lives; a hash that is not a sha256 hex is never a path. */
function entryOf(root: string, contentHash: string): string {
  if (!CONTENT_HASH.test(contentHash)) throw new Error(`'${contentHash}' is not a content hash.`);
  return path.join(root, contentHash);
}

const temporaryName = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createExportCache(root: string): TExportCache {
  return {
    location: root,

    async openZip(contentHash) {
      const file = `${entryOf(root, contentHash)}.zip`;
      try {
        const info = await stat(file);
        return { stream: createReadStream(file), bytes: info.size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    keepZip(contentHash, zip) {
      const target = `${entryOf(root, contentHash)}.zip`;
      const temporary = temporaryName(target);
      // Synchronous writes: the chunk is on disk before it is passed on, so the copy can never fall behind.
      const opened = mkdir(root, { recursive: true }).then(() => open(temporary, 'wx', 0o644));
      opened.catch(() => {});
      let fd: number | null = null;
      let isBroken = false;
      const drop = async () => {
        isBroken = true;
        await opened.then((handle) => handle.close()).catch(() => {});
        await rm(temporary, { force: true }).catch(() => {});
      };
      const tee = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          opened.then(
            (handle) => {
              fd = handle.fd;
              if (!isBroken) {
                try {
                  let offset = 0;
                  while (offset < chunk.length) offset += writeSync(fd, chunk, offset);
                } catch {
                  void drop();
                }
              }
              callback(null, chunk);
            },
            () => {
              isBroken = true;
              callback(null, chunk);
            },
          );
        },
        flush(callback) {
          if (isBroken || fd === null) return void drop().then(() => callback());
          opened
            .then(async (handle) => {
              // Asynchronous: an fsync of a large zip must not hold the event loop for the other clients.
              await handle.sync();
              await handle.close();
              await rename(temporary, target);
            })
            .catch(() => drop())
            .then(() => callback());
        },
      });
      // pipeline: a download stopped halfway (the tee destroyed) stops the zip too.
      pipeline(zip, tee, (error) => {
        if (error) void drop();
      });
      return tee;
    },

    async copyFolder(contentHash, files, outDir) {
      const entry = entryOf(root, contentHash);
      try {
        await stat(entry);
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
      for (const file of files) {
        // A copy-on-write clone where the file system has them, a plain copy elsewhere.
        await copyFile(path.join(entry, file), path.join(outDir, file), constants.COPYFILE_FICLONE);
      }
      return true;
    },

    async keepFolder(contentHash, files, fromDir) {
      const entry = entryOf(root, contentHash);
      const temporary = temporaryName(entry);
      try {
        await mkdir(temporary, { recursive: true });
        for (const file of files) {
          const copied = path.join(temporary, file);
          await copyFile(path.join(fromDir, file), copied, constants.COPYFILE_FICLONE);
          const handle = await open(copied, 'r');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
        }
        // A folder already in place (another export of the same content) makes this rename fail: it holds the same files.
        await rename(temporary, entry);
      } catch {
        await rm(temporary, { recursive: true, force: true }).catch(() => {});
      }
    },
  };
}
