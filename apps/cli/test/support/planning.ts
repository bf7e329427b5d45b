/**
 * `planning ...` as an operator runs it (`pnpm planning` = tsx apps/cli/src/main.ts), in a
 * child process started from the repository root so that `--import tsx` resolves.
 * PLANNING_HUB_WORKDIR puts tmp/, out/ and evidence/ in the test's own folder.
 *
 *   const planning = (...args: string[]) => runPlanning(args, { databaseUrl: database.url, workDir });
 *
 *   it('lists input sets', async () => {
 *     const run = await planning('list', '--json');
 *     expect(run.code).toBe(0);
 *   });
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';

export type TPlanningTarget = {
  databaseUrl: string;
  /** PLANNING_HUB_WORKDIR of the child. */
  workDir: string;
  /** More environment for the child, over the defaults (e.g. FOUR_EYES). */
  env?: Record<string, string>;
};

/** How a finished `planning` ended: exit code (1 when a signal ended it) and everything it printed. */
export type TPlanningRun = { code: number; stdout: string; stderr: string };

const root = findRepoRoot(import.meta.dirname);
const CLI_MAIN = path.join(root, 'apps/cli/src/main.ts');

/** Starts `planning <args>` and hands back the child, for a test that watches or kills it. */
export function spawnPlanning(
  args: string[],
  { databaseUrl, workDir, env = {} }: TPlanningTarget,
  stdio: StdioOptions = 'pipe',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PLANNING_HUB_WORKDIR: workDir,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio,
  });
}

/** Runs `planning <args>` to its end; `stdin` is what it reads (e.g. for `--password-stdin`). */
export function runPlanning(
  args: string[],
  target: TPlanningTarget,
  { stdin = '' }: { stdin?: string } = {},
): Promise<TPlanningRun> {
  return new Promise((resolve, reject) => {
    const child = spawnPlanning(args, target);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin!.end(stdin);
  });
}
