import { countPeople } from '../../data/users';
import type { PrismaClient } from '../../generated/prisma/client';
import { AppError } from '../../errors/app-error';
import { randomSecret } from './secrets';
import { createUser } from './users';

export type TInitialAdminResult =
  | { created: false }
  /** `generatedPassword` is set when no password was configured: the caller prints it once. */
  | { created: true; username: string; generatedPassword: string | undefined };

/**
 * On a fresh install (nobody who can sign in) creates the first admin, so that someone
 * can sign in and create the others. Does nothing once any person exists; local
 * operators' users do not count, as they never sign in.
 */
export async function ensureInitialAdmin({
  prisma,
  adminUsername,
  adminPassword,
}: {
  prisma: Pick<PrismaClient, 'user'>;
  adminUsername: string;
  adminPassword?: string | undefined;
}): Promise<TInitialAdminResult> {
  if ((await countPeople(prisma)) > 0) return { created: false };
  const password = adminPassword ?? randomSecret(18);
  try {
    await createUser({ prisma, username: adminUsername, role: 'admin', password });
  } catch (error) {
    // Two processes started on an empty database at once: the other one won.
    if (error instanceof AppError && error.code === 'conflict') return { created: false };
    throw error;
  }
  return { created: true, username: adminUsername, generatedPassword: adminPassword ? undefined : password };
}
