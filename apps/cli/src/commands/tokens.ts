import { InvalidArgumentError, type Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '@planning-hub/server/services/auth/api-tokens';
import { printJson, withRuntime } from '../cli-runtime';

function parseId(value: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw new InvalidArgumentError('a token id is a positive whole number.');
  return Number(value);
}

export function registerTokensCommands(program: Command): void {
  const tokens = program.command('tokens').description('Personal API tokens for scripts (Authorization: Bearer <token>).');

  tokens
    .command('create')
    .description('Create an API token for a user. The token is shown once; only its hash is stored.')
    .requiredOption('--user <u>', 'the user the token acts as (with their role)')
    .option('--name <n>', 'what the token is for, shown in lists', 'default')
    .option('--json', 'print {"token": "..."}')
    .action(async (opts: { user: string; name: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const created = await createApiToken({ prisma: db.prisma, username: opts.user, name: opts.name });
        if (opts.json) return printJson({ token: created.token });
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(
          `This token is shown once: store it now. Revoke it with: planning tokens revoke --prefix ${created.prefix}\n`,
        );
      });
    });

  tokens
    .command('revoke')
    .description('Revoke an API token by its prefix (ph_<prefix>_...) or id; refused from the next request on.')
    .option('--prefix <p>', 'the 8 characters after ph_')
    .option('--id <n>', 'the id shown by tokens list', parseId)
    .option('--json', 'machine-readable output')
    .action(async (opts: { prefix?: string; id?: number; json?: boolean }, command: Command) => {
      if ((opts.prefix === undefined) === (opts.id === undefined)) command.error('error: give exactly one of --prefix or --id.');
      await withRuntime(async ({ db }) => {
        const revoked = await revokeApiToken({ prisma: db.prisma, prefix: opts.prefix, id: opts.id });
        if (opts.json) return printJson(revoked);
        const state = revoked.wasRevoked ? 'was already revoked' : 'revoked';
        process.stdout.write(`token ${revoked.prefix} ('${revoked.name}') of user '${revoked.username}' ${state}\n`);
      });
    });

  tokens
    .command('list')
    .description("List a user's API tokens (never the secrets).")
    .requiredOption('--user <u>', 'whose tokens')
    .option('--json', 'machine-readable output')
    .action(async (opts: { user: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const all = await listApiTokens({ prisma: db.prisma, username: opts.user });
        if (opts.json) return printJson(all);
        const iso = (d: Date | null) => d?.toISOString() ?? '-';
        const lines = all.map((t) =>
          [t.id, t.prefix, t.name, iso(t.createdAt), iso(t.lastUsedAt), t.revokedAt ? `revoked ${iso(t.revokedAt)}` : 'active'].join('\t'),
        );
        process.stdout.write(['id\tprefix\tname\tcreated_at\tlast_used_at\tstatus', ...lines].join('\n') + '\n');
      });
    });
}
