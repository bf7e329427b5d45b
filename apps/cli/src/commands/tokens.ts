import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';
import { parseExpiresIn } from './expires-in';

export type TTokenCreateOptions = TConnectionOptions & {
  user?: string;
  name: string;
  expiresIn?: number;
  json?: boolean;
};
export type TTokenListOptions = TConnectionOptions & { user?: string; json?: boolean };
export type TTokenRevokeOptions = TConnectionOptions & { prefix?: string; id?: string; json?: boolean };

export function registerTokensCommands(program: Command): void {
  const tokens = program
    .command('tokens')
    .description('Personal API tokens for scripts (Authorization: Bearer <token>).');
  const load = () => import('../actions/tokens');

  const create = tokens
    .command('create')
    .description(
      'Create an API token: yours, or (admins) the user named. The token is shown once; only its hash is stored.',
    )
    .option('--user <u>', 'whose token it is (admins; default: you)')
    .option('--name <n>', 'what the token is for, shown in lists', 'default')
    .option('--expires-in <days>', 'how long it works, e.g. 90d (default 90 days)', parseExpiresIn)
    .option('--json', 'print {"token": "..."}');
  withConnectionOptions(create).action(async (options: TTokenCreateOptions) =>
    (await load()).runCreateToken(options),
  );

  const revoke = tokens
    .command('revoke')
    .description(
      'Revoke an API token by its prefix (ph_<prefix>_...) or id; refused from the next request on.',
    )
    .option('--prefix <p>', 'the 8 characters after ph_')
    .option('--id <n>', 'the id shown by tokens list')
    .option('--json', 'machine-readable output');
  withConnectionOptions(revoke).action(async (options: TTokenRevokeOptions, command: Command) => {
    if ((options.prefix === undefined) === (options.id === undefined))
      command.error('error: give exactly one of --prefix or --id.');
    await (await load()).runRevokeToken(options);
  });

  const list = tokens
    .command('list')
    .description('List API tokens (never the secrets): yours, or (admins) the user named.')
    .option('--user <u>', 'whose tokens (default: yours)')
    .option('--json', 'machine-readable output');
  withConnectionOptions(list).action(async (options: TTokenListOptions) =>
    (await load()).runListTokens(options),
  );
}
