import { TOKEN_OPERATIONS } from '@planning-hub/contracts/api/operations/tokens';
import { API } from '@planning-hub/contracts/api/routes';
import {
  ZCreatedToken,
  ZListTokensResponse,
  ZRevokeTokenResponse,
  type TCreateTokenRequest,
  type TRevokeTokenRequest,
} from '@planning-hub/contracts/api/tokens';
import { printJson, runWithApi } from '../cli-runtime';
import { parseOptions } from '../options/parse-options';
import type { TTokenCreateOptions, TTokenListOptions, TTokenRevokeOptions } from '../commands/tokens';

export async function runCreateToken(options: TTokenCreateOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body: TCreateTokenRequest = parseOptions(TOKEN_OPERATIONS.createToken.body.schema, {
      name: ['--name', options.name],
      expires_in_days: ['--expires-in', options.expiresIn],
      username: ['--user', options.user],
    });
    const created = await api.sendJson('POST', API.tokens, body, ZCreatedToken);
    // The runbook's `TOKEN=$(... --json | jq -r .token)`: nothing but the token.
    if (options.json) return printJson({ token: created.token });
    process.stdout.write(`${created.token}\n`);
    process.stderr.write(
      `Token '${created.name}' of user '${created.username}'${created.expiresAt ? `, valid until ${created.expiresAt}` : ''}.\n` +
        `This token is shown once: store it now. Revoke it with: planning tokens revoke --prefix ${created.prefix}\n`,
    );
  });
}

export async function runRevokeToken(options: TTokenRevokeOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body: TRevokeTokenRequest = parseOptions(TOKEN_OPERATIONS.revokeToken.body.schema, {
      prefix: ['--prefix', options.prefix],
      id: ['--id', options.id === undefined ? undefined : Number(options.id), options.id],
    });
    const revoked = await api.sendJson('POST', API.revokeToken, body, ZRevokeTokenResponse);
    if (options.json) return printJson(revoked);
    const state = revoked.wasRevoked ? 'was already revoked' : 'revoked';
    process.stdout.write(
      `token ${revoked.prefix} ('${revoked.name}') of user '${revoked.username}' ${state}\n`,
    );
  });
}

export async function runListTokens(options: TTokenListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const query = parseOptions(TOKEN_OPERATIONS.listTokens.query, { user: ['--user', options.user] });
    const { items } = await api.getJson(API.tokens, ZListTokensResponse, query);
    if (options.json) return printJson(items);
    const now = new Date().toISOString();
    const status = (t: (typeof items)[number]) =>
      t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active';
    const lines = items.map((t) =>
      [
        t.id,
        t.prefix,
        t.name,
        t.username,
        t.createdAt,
        t.lastUsedAt ?? '-',
        t.expiresAt ?? '-',
        status(t),
      ].join('\t'),
    );
    process.stdout.write(
      ['id\tprefix\tname\tusername\tcreated_at\tlast_used_at\texpires_at\tstatus', ...lines].join('\n') +
        '\n',
    );
  });
}
