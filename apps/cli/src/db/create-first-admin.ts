import { loadConfig } from '@planning-hub/server/config/env';
import { openDatabase } from '@planning-hub/server/database/connect';
import { AppError, hintOf } from '@planning-hub/server/errors/app-error';
import { createUser } from '@planning-hub/server/services/auth/users';

/** Everything on stdin, minus one trailing newline (what `echo` or a here-string adds). */
async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * The very first admin of a database that has no person yet (an install without
 * `npm start`'s initial admin, e.g. DATABASE_URL with migrations run by hand). Once
 * anyone can sign in, users are created through the API: `planning users create`.
 */
export async function createFirstAdmin({
  username,
  employeeId,
  passwordStdin,
}: {
  username: string;
  employeeId?: string | undefined;
  passwordStdin?: boolean | undefined;
}): Promise<void> {
  if (!passwordStdin) {
    throw new Error(
      `pass the password on stdin with --password-stdin, e.g. printf '%s' "$PASSWORD" | pnpm planning db create-admin --username ${username} --password-stdin`,
    );
  }
  const password = await readStdinText();
  const config = loadConfig();
  const database = await openDatabase({ config, log: () => {}, connectAs: 'owner' });
  try {
    const people = await database.prisma.user.count({ where: { kind: 'person' } });
    if (people > 0) {
      throw new AppError(
        'conflict',
        'error.user.first_admin_exists',
        { count: people },
        {
          hint: hintOf('hint.user.create_admin', {}),
        },
      );
    }
    const user = await createUser({
      prisma: database.prisma,
      username,
      role: 'admin',
      employeeId: employeeId ?? null,
      password,
    });
    console.log(
      `created the first admin '${user.username}'; sign in with: planning login --username ${user.username}`,
    );
  } finally {
    await database.close();
  }
}
