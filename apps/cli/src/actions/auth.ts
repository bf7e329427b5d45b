import os from 'node:os';
import { ZSession, type TSession } from '@planning-hub/contracts/api/auth';
import { AUTH_OPERATIONS } from '@planning-hub/contracts/api/operations/auth';
import { API } from '@planning-hub/contracts/api/routes';
import { ZCreatedToken, type TLoginTokenRequest } from '@planning-hub/contracts/api/tokens';
import type { TApiClient } from '../api/api-client';
import { ServerUnreachableError } from '../api/api-error';
import { CliError, EXIT } from '../cli-errors';
import { cliText } from '../cli-text';
import { printJson, runWithApi, runWithConnection } from '../cli-runtime';
import type { TLoginOptions, TLogoutOptions, TWhoamiOptions } from '../commands/auth';
import { credentialsFilePath, removeStoredLogin, storeLogin } from '../connection/credentials-file';
import { resolveServer, type TConnection, type TCredential } from '../connection/resolve-connection';
import { parseOption, parseOptions } from '../options/parse-options';
import { promptLine, readPassword } from '../terminal/prompt';

/** Revokes a token on the server (POST /api/auth/sign-out with it); answers the HTTP status. */
async function revokeOnServer(api: TApiClient, token: string): Promise<number> {
  const response = await api.send(API.signOut, {
    method: 'POST',
    authenticated: false,
    headers: { authorization: `Bearer ${token}` },
  });
  response.body.resume();
  return response.status;
}

function tokenPrefix(token: string): string {
  return /^ph_([0-9a-f]{8})_/.exec(token)?.[1] ?? token.slice(0, 11);
}

async function askUsername(options: TLoginOptions): Promise<string> {
  if (options.username) return options.username;
  if (!process.stdin.isTTY || options.passwordStdin) {
    throw new CliError(cliText('cli.error.username_needed', {}));
  }
  const typed = await promptLine(cliText('cli.prompt.username', {}));
  if (!typed) throw new CliError(cliText('cli.error.no_username', {}));
  return typed;
}

export async function runLogin(options: TLoginOptions): Promise<void> {
  await runWithConnection(
    async (env): Promise<TConnection> => {
      const { serverUrl, serverSource } = await resolveServer({ server: options.server }, env);
      return {
        serverUrl,
        serverSource,
        credential: null,
        credentialsFile: credentialsFilePath(env.configDir),
      };
    },
    async ({ api }) => {
      // The options are checked before anything is asked on the terminal; the password after it is typed.
      const schema = AUTH_OPERATIONS.createLoginToken.body.schema;
      const fields = parseOptions(schema.omit({ username: true, password: true }), {
        name: ['--name', options.name ?? `planning-cli on ${os.hostname()}`.slice(0, 128)],
        expires_in_days: ['--expires-in', options.expiresIn],
      });
      if (options.username !== undefined) parseOption(schema.shape.username, '--username', options.username);
      const username = await askUsername(options);
      const password = await readPassword({
        passwordStdin: options.passwordStdin,
        example: `planning login --server ${api.serverUrl} --username ${username} --password-stdin`,
      });
      const body: TLoginTokenRequest = {
        username,
        password,
        name: fields.name,
        expires_in_days: fields.expires_in_days,
      };
      const created = await api.sendJson('POST', API.loginToken, body, ZCreatedToken);
      const file = api.connection.credentialsFile;
      const previous = await storeLogin(file, api.serverUrl, {
        token: created.token,
        username: created.username,
        prefix: created.prefix,
        expiresAt: created.expiresAt,
        createdAt: created.createdAt,
      });
      // The login it replaces would otherwise stay valid, unused, until it expires.
      if (previous) await revokeOnServer(api, previous.token).catch(() => 0);
      console.log(`✓ Signed in to ${api.serverUrl} as ${created.username}`);
      console.log(
        `  token         ${created.prefix} ('${created.name}'), valid until ${created.expiresAt ?? 'revoked'}`,
      );
      console.log(`  stored in     ${file}`);
    },
    { isSignIn: true },
  );
}

export async function runLogout(options: TLogoutOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const { credential, serverUrl, credentialsFile } = api.connection;
    if (!credential) return console.log(`Not signed in to ${serverUrl}; nothing to do.`);
    if (credential.kind === 'local') {
      return console.log(
        `You are the local operator of ${serverUrl} (${credential.serverFile}): there is no login to end.`,
      );
    }
    const prefix = tokenPrefix(credential.token);
    let status: number;
    try {
      status = await revokeOnServer(api, credential.token);
    } catch (error) {
      if (!(error instanceof ServerUnreachableError) || credential.source !== 'login') throw error;
      await removeStoredLogin(credentialsFile, serverUrl);
      throw new CliError(cliText('cli.error.logout_unreachable', { message: error.message }), {
        hint: cliText('cli.hint.revoke_later', { prefix }),
      });
    }
    if (credential.source === 'login') await removeStoredLogin(credentialsFile, serverUrl);
    // 401: the token had already stopped working (expired, revoked): signed out all the same.
    if (status >= 400 && status !== 401)
      throw new CliError(cliText('cli.error.revoke_refused', { serverUrl, prefix, status }));
    console.log(
      `✓ Signed out of ${serverUrl}: token ${prefix} ${status === 401 ? 'had already stopped working' : 'revoked'}`,
    );
    if (credential.source === 'login') console.log(`  removed from  ${credentialsFile}`);
    if (credential.source === 'env')
      console.log('  unset PLANNING_HUB_TOKEN too: it holds the revoked token');
    return EXIT.ok;
  });
}

function describeCredential(credential: TCredential | null): string {
  if (!credential) return 'nothing';
  if (credential.kind === 'local') return `local operator, no login (${credential.serverFile})`;
  const prefix = tokenPrefix(credential.token);
  if (credential.source === 'login')
    return `personal token ${prefix} (planning login, ${credential.credentialsFile})`;
  return `personal token ${prefix} (${credential.source === 'env' ? 'PLANNING_HUB_TOKEN' : '--token'})`;
}

function describeExpiry(session: TSession): string {
  if (session.via === 'local') return 'never (the local operator is trusted through server.json)';
  if (!session.tokenExpiresAt) return 'never';
  const days = Math.floor((Date.parse(session.tokenExpiresAt) - Date.now()) / 86_400_000);
  return `${session.tokenExpiresAt} (in ${days} day(s))`;
}

export async function runWhoami(options: TWhoamiOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const session = await api.getJson(API.me, ZSession);
    const { user } = session;
    if (options.json) {
      return printJson({
        server: api.serverUrl,
        user,
        via: session.via,
        tokenExpiresAt: session.tokenExpiresAt,
      });
    }
    console.log(`${user.username} (${user.role})`);
    console.log(`  employee id    ${user.employeeId ?? '-'}`);
    console.log(`  signed in by   ${describeCredential(api.connection.credential)}`);
    console.log(`  server         ${api.serverUrl}`);
    console.log(`  token expires  ${describeExpiry(session)}`);
  });
}
