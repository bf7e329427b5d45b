import { once } from 'node:events';
import { ApiError } from './api/api-error';
import { createApiClient, type TApiClient } from './api/api-client';
import { CliError, CliExit, EXIT } from './cli-errors';
import { cliText } from './cli-text';
import { readCliEnv, type TCliEnv } from './config/cli-env';
import {
  resolveConnection,
  type TConnection,
  type TConnectionOptions,
} from './connection/resolve-connection';

export type TCommandContext = { api: TApiClient; env: TCliEnv };

/** What a refused credential needs: the server's words, then how to get a new one for this very server. */
function signInHint(serverUrl: string): string {
  return cliText('cli.hint.sign_in', { serverUrl });
}

/**
 * Prints an error as one readable `error:` line (and `hint:`), and answers the exit code.
 * A refused credential (401) gets the way to a new one for this very server.
 */
export function reportError(
  error: unknown,
  { serverUrl, isSignIn = false }: { serverUrl?: string | undefined; isSignIn?: boolean } = {},
): number {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CliError) {
    const lines = [cliText('cli.error_line', { message: error.message })];
    if (error instanceof ApiError && error.status === 401 && serverUrl && !isSignIn)
      lines.push(cliText('cli.hint_line', { hint: signInHint(serverUrl) }));
    else if (error.hint) lines.push(cliText('cli.hint_line', { hint: error.hint }));
    process.stderr.write(`${lines.join('\n')}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `${cliText('cli.error_line', { message: error instanceof Error ? error.message : String(error) })}\n`,
  );
  return EXIT.failure;
}

/** Runs a command that needs no server; errors become one line and an exit code. */
export async function runLocally(run: (env: TCliEnv) => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await run(readCliEnv())) ?? EXIT.ok;
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** Runs a command against the server `resolve` names; errors become one readable line and the exit code. */
export async function runWithConnection(
  resolve: (env: TCliEnv) => Promise<TConnection>,
  run: (context: TCommandContext) => Promise<number | void>,
  { isSignIn = false }: { isSignIn?: boolean } = {},
): Promise<void> {
  let api: TApiClient | undefined;
  try {
    const env = readCliEnv();
    api = await createApiClient(await resolve(env));
    process.exitCode = (await run({ api, env })) ?? EXIT.ok;
  } catch (error) {
    process.exitCode = reportError(error, { serverUrl: api?.serverUrl, isSignIn });
  } finally {
    api?.close();
  }
}

/**
 * Runs a command against the server (--server, PLANNING_HUB_URL or this checkout's
 * server.json) with the credential that applies: 0 ok, 2 validation errors, 1 anything else.
 */
export async function runWithApi(
  options: TConnectionOptions,
  run: (context: TCommandContext) => Promise<number | void>,
): Promise<void> {
  await runWithConnection((env) => resolveConnection(options, env), run);
}

/** Writes to stdout, waiting while a slow reader (a pipe) catches up. */
export async function writeStdout(data: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(data)) await once(process.stdout, 'drain');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
