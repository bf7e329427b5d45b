import { Option, type Command } from 'commander';
import type { TRole } from '@planning-hub/contracts/api/auth';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';
import { ROLE_CHOICES } from './roles';

export type TUserCreateOptions = TConnectionOptions & {
  username: string;
  role: TRole;
  employeeId?: string;
  passwordStdin?: boolean;
  json?: boolean;
};
export type TUserListOptions = TConnectionOptions & { json?: boolean };
export type TUserChangeOptions = TConnectionOptions & { username: string; json?: boolean };
export type TUserRoleOptions = TUserChangeOptions & { role: TRole };
export type TUserPasswordOptions = TUserChangeOptions & { passwordStdin?: boolean };

const roleOption = (description: string) =>
  new Option('--role <role>', description).choices(ROLE_CHOICES).makeOptionMandatory();

export function registerUsersCommands(program: Command): void {
  const users = program
    .command('users')
    .description('People who sign in to the Planning Hub, and their roles (admin).');
  const load = () => import('../actions/users');

  const create = users
    .command('create')
    .description(
      'Create a user. The password comes from stdin (--password-stdin) or is typed without echo, never from the command line.',
    )
    .requiredOption('--username <u>', 'sign-in name: letters, digits and . _ @ -')
    .addOption(roleOption('viewer < planner < reviewer < admin'))
    .option('--employee-id <id>', 'employee number: the default Reviewer ID of their approvals')
    .option('--password-stdin', 'read the password (12+ characters) from stdin')
    .option('--json', 'print the created user as JSON');
  withConnectionOptions(create).action(async (options: TUserCreateOptions) =>
    (await load()).runCreateUser(options),
  );

  const list = users
    .command('list')
    .description('List users (people and local operators) and their roles.')
    .option('--json', 'machine-readable output');
  withConnectionOptions(list).action(async (options: TUserListOptions) =>
    (await load()).runListUsers(options),
  );

  const disable = users
    .command('disable')
    .description(
      'Disable a user: their sessions end and their tokens are revoked at once (local:<OS user> for a local operator).',
    )
    .requiredOption('--username <u>', 'whom')
    .option('--json', 'print the user as JSON');
  withConnectionOptions(disable).action(async (options: TUserChangeOptions) =>
    (await load()).runSetDisabled(options, true),
  );

  const enable = users
    .command('enable')
    .description('Enable a disabled user again (their old sessions and tokens stay ended).')
    .requiredOption('--username <u>', 'whom')
    .option('--json', 'print the user as JSON');
  withConnectionOptions(enable).action(async (options: TUserChangeOptions) =>
    (await load()).runSetDisabled(options, false),
  );

  const setRole = users
    .command('set-role')
    .description("Change a user's role.")
    .requiredOption('--username <u>', 'whom')
    .addOption(roleOption('the new role: viewer < planner < reviewer < admin'))
    .option('--json', 'print the user as JSON');
  withConnectionOptions(setRole).action(async (options: TUserRoleOptions) =>
    (await load()).runSetRole(options),
  );

  const resetPassword = users
    .command('reset-password')
    .description("Set a person's password; their sessions end and their tokens are revoked.")
    .requiredOption('--username <u>', 'whom')
    .option('--password-stdin', 'read the new password (12+ characters) from stdin')
    .option('--json', 'print the user as JSON');
  withConnectionOptions(resetPassword).action(async (options: TUserPasswordOptions) =>
    (await load()).runResetPassword(options),
  );
}
