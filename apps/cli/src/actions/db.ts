import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import { runLocally } from '../cli-runtime';
import { findCheckoutAbove, findOwnCheckout } from '../connection/checkout';

/** Where the database commands live, relative to a checkout. */
const DB_MAIN = path.join('apps', 'cli', 'src', 'db', 'db-main.ts');

function findDbMain(): { root: string; dbMain: string } {
  for (const root of [findOwnCheckout(), findCheckoutAbove(process.cwd())]) {
    if (root && existsSync(path.join(root, DB_MAIN))) return { root, dbMain: path.join(root, DB_MAIN) };
  }
  throw new CliError(cliText('cli.error.db_outside_checkout', {}), {
    hint: cliText('cli.hint.db_outside_checkout', {}),
  });
}

/**
 * Runs `node --import tsx apps/cli/src/db/db-main.ts <args>` in the checkout, with this
 * terminal (a password on stdin reaches it), and ends with its exit code.
 */
export async function runDbCommand(args: string[]): Promise<void> {
  await runLocally(async () => {
    const { root, dbMain } = findDbMain();
    // From the checkout's top folder, as `npm start` runs: tsx resolves there, and so do relative PLANNING_HUB_* paths.
    const child = spawn(process.execPath, ['--import', 'tsx', dbMain, ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    return new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  });
}
