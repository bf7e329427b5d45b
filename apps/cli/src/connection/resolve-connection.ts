import path from 'node:path';
import { cliText } from '../cli-text';
import type { TCliEnv } from '../config/cli-env';
import { findOwnCheckout } from './checkout';
import { credentialsFilePath, findStoredLogin } from './credentials-file';
import { findLocalServerFile, type TFoundServerFile } from './local-server-file';
import { normalizeServerUrl } from './server-url';

/** What `npm start` listens on when nothing else says where the server is. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

/** `--server <url>` and `--token <token>`, which every command that talks to the server takes. */
export type TConnectionOptions = { server?: string | undefined; token?: string | undefined };

/** How the CLI proves who it is; the first that applies wins, in this order. */
export type TCredential =
  | { kind: 'token'; token: string; source: 'option' | 'env' | 'login'; credentialsFile: string }
  /** The server's own checkout: the secret of its server.json, acting as `local:<OS user>`. */
  | { kind: 'local'; secret: string; osUser: string; serverFile: string };

export type TServerSource =
  | { kind: 'option' }
  | { kind: 'env' }
  | { kind: 'server-file'; file: string }
  /** `searched`: where server.json was looked for, in words. */
  | { kind: 'default'; searched: string };

export type TConnection = {
  serverUrl: string;
  serverSource: TServerSource;
  /** Null: no credential at all; the server will answer 401 and the CLI names `planning login`. */
  credential: TCredential | null;
  credentialsFile: string;
};

/** Why the CLI talks to this URL, for messages about a server that does not answer. */
export function describeServerSource(source: TServerSource): string {
  switch (source.kind) {
    case 'option':
      return cliText('cli.server_source.option', {});
    case 'env':
      return cliText('cli.server_source.env', {});
    case 'server-file':
      return cliText('cli.server_source.server_file', { file: source.file });
    case 'default':
      return cliText('cli.server_source.default', { searched: source.searched });
  }
}

/**
 * Where the server is: --server, else PLANNING_HUB_URL, else the server.json of a
 * server of this checkout, else http://127.0.0.1:8080.
 */
export async function resolveServer(
  options: TConnectionOptions,
  env: TCliEnv,
  cwd: string = process.cwd(),
): Promise<{ serverUrl: string; serverSource: TServerSource; serverFile: TFoundServerFile | null }> {
  const serverFile = await findLocalServerFile({
    dataDir: env.dataDir,
    cwd,
    checkoutRoot: findOwnCheckout(),
  });
  if (options.server !== undefined) {
    return {
      serverUrl: normalizeServerUrl(options.server, '--server'),
      serverSource: { kind: 'option' },
      serverFile,
    };
  }
  if (env.serverUrl !== undefined) {
    return {
      serverUrl: normalizeServerUrl(env.serverUrl, 'PLANNING_HUB_URL'),
      serverSource: { kind: 'env' },
      serverFile,
    };
  }
  if (serverFile) {
    return {
      serverUrl: normalizeServerUrl(serverFile.entry.url, serverFile.file),
      serverSource: { kind: 'server-file', file: serverFile.file },
      serverFile,
    };
  }
  const searched =
    env.dataDir !== undefined
      ? `PLANNING_HUB_DATA_DIR: ${path.resolve(cwd, env.dataDir)}`
      : `.data/ at or above ${path.resolve(cwd)}${findOwnCheckout() ? ', and in the checkout of this CLI' : ''}`;
  return { serverUrl: DEFAULT_SERVER_URL, serverSource: { kind: 'default', searched }, serverFile };
}

/**
 * The server and the credential for it. An explicit credential (--token,
 * PLANNING_HUB_TOKEN, a stored `planning login` for that server) wins over the local
 * operator's secret, which only counts for the server that wrote it.
 */
export async function resolveConnection(
  options: TConnectionOptions,
  env: TCliEnv,
  cwd: string = process.cwd(),
): Promise<TConnection> {
  const { serverUrl, serverSource, serverFile } = await resolveServer(options, env, cwd);
  const credentialsFile = credentialsFilePath(env.configDir);
  const connection = (credential: TCredential | null): TConnection => ({
    serverUrl,
    serverSource,
    credential,
    credentialsFile,
  });
  if (options.token !== undefined)
    return connection({ kind: 'token', token: options.token.trim(), source: 'option', credentialsFile });
  if (env.token !== undefined)
    return connection({ kind: 'token', token: env.token, source: 'env', credentialsFile });
  const stored = await findStoredLogin(credentialsFile, serverUrl);
  if (stored) return connection({ kind: 'token', token: stored.token, source: 'login', credentialsFile });
  if (serverFile && normalizeServerUrl(serverFile.entry.url, serverFile.file) === serverUrl) {
    return connection({
      kind: 'local',
      secret: serverFile.entry.secret,
      osUser: env.osUser,
      serverFile: serverFile.file,
    });
  }
  return connection(null);
}
