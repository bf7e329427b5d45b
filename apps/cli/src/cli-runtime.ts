import { loadConfig } from '@planning-hub/server/config/env';
import { isAppError } from '@planning-hub/server/errors/app-error';
import { createLogger } from '@planning-hub/server/observability/logger';
import { openRuntime, type TRuntime } from '@planning-hub/server/runtime';

/** Exit codes of every command: 0 ok, 2 validation errors, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, validation: 2 } as const;

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * Opens the database (starting or joining the embedded PostgreSQL), runs the
 * command, closes everything and turns errors into one readable line + exit code.
 * Logs go to stderr so that --json output on stdout stays machine-readable.
 */
export async function withRuntime(run: (runtime: TRuntime) => Promise<number | void>): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', name: 'planning-cli', destination: 2 });
  let runtime: TRuntime | undefined;
  let code: number;
  try {
    runtime = await openRuntime({ name: 'planning-cli', config, logger });
    code = (await run(runtime)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CliExit) code = error.exitCode;
    else if (isAppError(error)) {
      process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
      code = error.code === 'validation_failed' ? EXIT.validation : EXIT.failure;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      code = EXIT.failure;
    }
  } finally {
    await runtime?.close().catch(() => {});
  }
  process.exitCode = code;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
