import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, fsyncSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type TStoredArtifact = {
  /** The key under the store's root, e.g. `runs/<run id>/planning_input_set.json`. */
  key: string;
  sha256: string;
  bytes: number;
};

export type TArtifactWriter = {
  /**
   * Appends UTF-8 text. Never throws: the first failure is kept and `commit`
   * reports it, so a full disk cannot leave a database stream half-read.
   */
  write: (text: string) => void;
  /** Flushes, syncs and moves the file into place in one rename (readers never see a partial file). */
  commit: () => Promise<TStoredArtifact>;
  /** Drops the partial file; never throws. */
  abort: () => Promise<void>;
};

export type TArtifactStore = {
  /** Where the files live, for operators' messages. */
  location: string;
  create: (key: string) => Promise<TArtifactWriter>;
  /** The stored bytes, or null when the file is gone. */
  open: (key: string) => Promise<{ stream: Readable; bytes: number } | null>;
};

/** Any failure to store an artifact: what `plan_artifact_write_error_total` counts. */
export class ArtifactWriteError extends Error {
  constructor(
    readonly key: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not write ${path.basename(key)} to the artifact store: ${reason}`, { cause });
    this.name = 'ArtifactWriteError';
  }
}

const KEY_PATTERN = /^[a-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)+$/;
const FLUSH_CHARS = 1 << 20;

/**
 * Artifacts as files under `root` (ARTIFACT_DIR, default <workDir>/tmp/artifacts).
 * Writes go to a temporary file next to the target and are renamed into place.
 */
export function createFileArtifactStore(root: string): TArtifactStore {
  function resolveKey(key: string): string {
    const target = path.resolve(root, key);
    if (
      !KEY_PATTERN.test(key) ||
      key.split('/').some((part) => part === '.' || part === '..') ||
      !target.startsWith(`${path.resolve(root)}${path.sep}`)
    ) {
      throw new Error(`'${key}' is not an artifact key.`);
    }
    return target;
  }

  return {
    location: root,

    async create(key) {
      const target = resolveKey(key);
      const temporary = path.join(
        path.dirname(target),
        `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      let handle: FileHandle;
      try {
        await mkdir(path.dirname(target), { recursive: true });
        handle = await open(temporary, 'wx', 0o644);
      } catch (error) {
        throw new ArtifactWriteError(key, error);
      }
      return createFileWriter({ key, target, temporary, handle });
    },

    async open(key) {
      const target = resolveKey(key);
      try {
        const info = await stat(target);
        return { stream: createReadStream(target), bytes: info.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

function createFileWriter({
  key,
  target,
  temporary,
  handle,
}: {
  key: string;
  target: string;
  temporary: string;
  handle: FileHandle;
}): TArtifactWriter {
  const hash = createHash('sha256');
  let pending = '';
  let bytes = 0;
  let failure: unknown = null;
  let closed = false;

  // Synchronous writes on purpose: rows arrive from a COPY stream through a
  // synchronous callback, so blocking here is what paces the database read.
  function flush(): void {
    if (failure !== null || pending.length === 0) return;
    const chunk = Buffer.from(pending, 'utf8');
    pending = '';
    try {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(handle.fd, chunk, offset);
      hash.update(chunk);
      bytes += chunk.length;
    } catch (error) {
      failure = error;
    }
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await handle.close();
  }

  return {
    write(text) {
      if (failure !== null) return;
      pending += text;
      if (pending.length >= FLUSH_CHARS) flush();
    },

    async commit() {
      flush();
      try {
        if (failure !== null) throw failure;
        fsyncSync(handle.fd);
        await close();
        await rename(temporary, target);
      } catch (error) {
        await close().catch(() => {});
        await rm(temporary, { force: true }).catch(() => {});
        throw new ArtifactWriteError(key, error);
      }
      return { key, sha256: hash.digest('hex'), bytes };
    },

    async abort() {
      await close().catch(() => {});
      await rm(temporary, { force: true }).catch(() => {});
    },
  };
}
