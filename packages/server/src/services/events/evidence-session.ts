import { AppError } from '../../errors/app-error';
import type { PrismaClient } from '../../generated/prisma/client';
import { randomSecret, sha256Hex } from '../auth/secrets';
import { signOut } from '../auth/sessions';
import { findUserOrThrow } from '../auth/users';

/** Long enough to load and capture one page; the session is also ended right after. */
const EVIDENCE_SESSION_MINUTES = 10;

/**
 * A short-lived browser session for `username`, opened without a password by a
 * process that already has database access (the CLI capturing history.png), the
 * way signIn stores one: only the sha256 of the id is kept. `close` ends it.
 */
export async function openEvidenceSession({
  prisma,
  username,
}: {
  prisma: Pick<PrismaClient, 'user' | 'session'>;
  username: string;
}): Promise<{ sessionId: string; expiresAt: Date; close: () => Promise<void> }> {
  const user = await findUserOrThrow({ prisma, username });
  if (user.disabledAt) throw new AppError('forbidden', { message: `User '${user.username}' is disabled.` });
  const sessionId = randomSecret(32);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EVIDENCE_SESSION_MINUTES * 60_000);
  await prisma.session.create({
    data: { idHash: sha256Hex(sessionId), userId: user.id, csrfToken: randomSecret(32), createdAt: now, lastSeenAt: now, expiresAt },
  });
  return { sessionId, expiresAt, close: () => signOut({ prisma, sessionId }) };
}
