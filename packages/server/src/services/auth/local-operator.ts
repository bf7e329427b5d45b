import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCAL_OPERATOR_PRINCIPAL_PREFIX } from '@planning-hub/contracts/api/auth';
import {
  LOCAL_SERVER_FILE,
  ZLocalServerFile,
  type TLocalServerFile,
} from '@planning-hub/contracts/local-server';
import { isUniqueViolation } from '../../data/unique-violation';
import { findUserByUsername, insertUser } from '../../data/users';
import type { PrismaClient } from '../../generated/prisma/client';
import { toCurrentUser, type TPrincipal } from './principal';
import { randomSecret } from './secrets';

/**
 * The local operator (docs/design.md, "One front door"): whoever can read the server's
 * `<data dir>/server.json` (mode 0600, so the OS user that started it, or root) is
 * trusted as the operator of this checkout, with no login. They act as the user
 * `local:<OS user>` (kind local, role admin, no password), so that events, runs and
 * four-eyes see one user like any other.
 */

/** A fresh secret for one server start. */
export function createLocalOperatorSecret(): string {
  return randomSecret(32);
}

/** The OS user name as the principal shows it: `local:<name>`, 1-32 of [A-Za-z0-9._-]. */
export function localOperatorUsername(osUser: string | undefined): string {
  const cleaned = (osUser ?? '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 32);
  return `${LOCAL_OPERATOR_PRINCIPAL_PREFIX}${cleaned || 'unknown'}`;
}

/**
 * The principal of a local operator, created on first use. Null when an admin has
 * disabled that local user (`planning users disable --username local:<name>`).
 */
export async function resolveLocalOperator({
  prisma,
  osUser,
}: {
  prisma: Pick<PrismaClient, 'user'>;
  osUser: string | undefined;
}): Promise<TPrincipal | null> {
  const username = localOperatorUsername(osUser);
  let user = await findUserByUsername(prisma, username);
  if (!user) {
    try {
      // '!' is no scrypt hash: verifyPassword never accepts it, so a local user never signs in.
      user = await insertUser(prisma, { username, role: 'admin', kind: 'local', passwordHash: '!' });
    } catch (error) {
      // Two first requests at once: the other one created it.
      if (!isUniqueViolation(error)) throw error;
      user = await findUserByUsername(prisma, username);
      if (!user) throw error;
    }
  }
  if (user.disabledAt || user.kind !== 'local') return null;
  return { ...toCurrentUser(user), userId: user.id, kind: 'local', via: 'local' };
}

export function localServerFilePath(dataDir: string): string {
  return path.join(dataDir, LOCAL_SERVER_FILE);
}

/**
 * Publishes where this server listens and its operator secret, readable by the OS user
 * that started it only (0600; the folder 0700). Written to a temporary file and renamed,
 * so a CLI never reads half a file.
 */
export async function writeLocalServerFile(
  dataDir: string,
  entry: Omit<TLocalServerFile, 'format'>,
): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = localServerFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  const body: TLocalServerFile = { format: 'planning-hub/local-server@1', ...entry };
  await writeFile(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return file;
}

/** Removes the file at shutdown, unless another server of the same checkout has replaced it since. */
export async function removeLocalServerFile(dataDir: string, secret: string): Promise<void> {
  const file = localServerFilePath(dataDir);
  try {
    const current = ZLocalServerFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (current.success && current.data.secret === secret) await rm(file, { force: true });
  } catch {
    // missing or unreadable: nothing of ours to remove
  }
}
