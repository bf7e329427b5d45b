import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The data folder holds secrets (server.json, the database credentials, the audit key):
 * 0700. As root the embedded PostgreSQL runs as the `postgres` OS user, which must still
 * reach <dataDir>/postgres: 0711 then (others may pass through, not list; every secret
 * file is 0600 anyway).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await chmod(dir, process.getuid?.() === 0 ? 0o711 : 0o700);
  } catch (error) {
    // A folder another user owns (a shared mount) keeps its mode; the files in it are 0600 all the same.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/**
 * Reads `file`, or creates it (mode 0600) with `create()` when it does not exist yet.
 * Two processes starting at once agree: the content is written to a temporary file and
 * linked into place, which fails for the second one, who then reads the first one's.
 */
export async function readOrCreatePrivateFile(
  file: string,
  create: () => string,
): Promise<{ text: string; created: boolean }> {
  await ensurePrivateDir(path.dirname(file));
  try {
    return { text: await readFile(file, 'utf8'), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const text = create();
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return { text, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { text: await readFile(file, 'utf8'), created: false };
  } finally {
    await rm(temporary, { force: true });
  }
}
