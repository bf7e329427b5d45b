import { USER_OPERATIONS } from '@planning-hub/contracts/api/operations/users';
import { API } from '@planning-hub/contracts/api/routes';
import {
  ZListUsersResponse,
  ZUserChangeResponse,
  ZUserSummary,
  type TCreateUserRequest,
  type TResetPasswordRequest,
  type TUpdateUserRequest,
  type TUserChangeResponse,
} from '@planning-hub/contracts/api/users';
import { printJson, runWithApi } from '../cli-runtime';
import type {
  TUserChangeOptions,
  TUserCreateOptions,
  TUserListOptions,
  TUserPasswordOptions,
  TUserRoleOptions,
} from '../commands/users';
import { parseOptions } from '../options/parse-options';
import { readPassword } from '../terminal/prompt';

function describeChange(verb: string, user: TUserChangeResponse): string {
  const ended = [
    user.endedSessions ? `ended ${user.endedSessions} session(s)` : null,
    user.revokedTokens ? `revoked ${user.revokedTokens} token(s)` : null,
  ].filter(Boolean);
  return `${verb} user '${user.username}' (role ${user.role})${ended.length ? `: ${ended.join(', ')}` : ''}`;
}

export async function runCreateUser(options: TUserCreateOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    // The password is read (and checked by the server) after the options pass.
    const fields = parseOptions(USER_OPERATIONS.createUser.body.schema.omit({ password: true }), {
      username: ['--username', options.username],
      role: ['--role', options.role],
      employee_id: ['--employee-id', options.employeeId ?? null],
    });
    const password = await readPassword({
      passwordStdin: options.passwordStdin,
      confirm: true,
      example: `planning users create --username ${options.username} --role ${options.role} --password-stdin`,
    });
    const body: TCreateUserRequest = { ...fields, password };
    const user = await api.sendJson('POST', API.adminUsers, body, ZUserSummary);
    if (options.json) return printJson(user);
    process.stdout.write(`created user '${user.username}' with role ${user.role}\n`);
  });
}

export async function runListUsers(options: TUserListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const { items } = await api.getJson(API.adminUsers, ZListUsersResponse);
    if (options.json) return printJson(items);
    const lines = items.map((u) =>
      [
        u.username,
        u.role,
        u.employeeId ?? '-',
        u.kind,
        u.createdAt,
        u.disabledAt ? 'disabled' : 'active',
      ].join('\t'),
    );
    process.stdout.write(
      ['username\trole\temployee_id\tkind\tcreated_at\tstatus', ...lines].join('\n') + '\n',
    );
  });
}

async function updateUser(
  options: TUserChangeOptions,
  body: TUpdateUserRequest,
  verb: string,
): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const user = await api.sendJson('PATCH', API.adminUser(options.username), body, ZUserChangeResponse);
    if (options.json) return printJson(user);
    process.stdout.write(`${describeChange(verb, user)}\n`);
  });
}

export async function runSetDisabled(options: TUserChangeOptions, disabled: boolean): Promise<void> {
  await updateUser(options, { disabled }, disabled ? 'disabled' : 'enabled');
}

export async function runSetRole(options: TUserRoleOptions): Promise<void> {
  const body = parseOptions(USER_OPERATIONS.updateUser.body.schema, { role: ['--role', options.role] });
  await updateUser(options, body, 'changed');
}

export async function runResetPassword(options: TUserPasswordOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const password = await readPassword({
      passwordStdin: options.passwordStdin,
      confirm: true,
      example: `planning users reset-password --username ${options.username} --password-stdin`,
    });
    const body: TResetPasswordRequest = { password };
    const user = await api.sendJson(
      'POST',
      API.adminUserPassword(options.username),
      body,
      ZUserChangeResponse,
    );
    if (options.json) return printJson(user);
    process.stdout.write(`${describeChange('new password for', user)}\n`);
  });
}
