import { Option, type Command } from 'commander';
import { ROLES, type TRole } from '@planning-hub/contracts/api/auth';
import { createUser, listUsers } from '@planning-hub/server/services/auth/users';
import { printJson, withRuntime } from '../cli-runtime';

/** Everything on stdin, minus one trailing newline (what `echo` or a here-string adds). */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('People who sign in to the Planning Hub, and their roles.');

  users
    .command('create')
    .description('Create a user. The password is read from stdin, never from the command line.')
    .requiredOption('--username <u>', 'sign-in name: letters, digits and . _ @ -')
    .addOption(new Option('--role <role>', 'viewer < planner < reviewer < admin').choices(ROLES).makeOptionMandatory())
    .option('--employee-id <id>', 'employee number, shown next to approvals')
    .option('--password-stdin', 'read the password (12+ characters) from stdin')
    .option('--json', 'print the created user as JSON')
    .action(async (opts: { username: string; role: TRole; employeeId?: string; passwordStdin?: boolean; json?: boolean }, command: Command) => {
      if (!opts.passwordStdin) {
        command.error(
          "error: pass the password on stdin with --password-stdin, e.g. printf '%s' \"$PASSWORD\" | pnpm planning users create --username <u> --role <role> --password-stdin",
        );
      }
      await withRuntime(async ({ db }) => {
        const password = await readPasswordFromStdin();
        const user = await createUser({
          prisma: db.prisma,
          username: opts.username,
          role: opts.role,
          employeeId: opts.employeeId ?? null,
          password,
        });
        if (opts.json) printJson(user);
        else process.stdout.write(`created user '${user.username}' with role ${user.role}\n`);
      });
    });

  users
    .command('list')
    .description('List users and their roles.')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const all = await listUsers({ prisma: db.prisma });
        if (opts.json) return printJson(all);
        const lines = all.map((u) =>
          [u.username, u.role, u.employeeId ?? '-', u.createdAt.toISOString(), u.disabledAt ? 'disabled' : 'active'].join('\t'),
        );
        process.stdout.write(['username\trole\temployee_id\tcreated_at\tstatus', ...lines].join('\n') + '\n');
      });
    });
}
