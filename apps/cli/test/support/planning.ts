/**
 * `planning ...` as an operator runs it: the bundled CLI (`node bin/planning`, built here
 * once when a source is newer than the bundle) in a child process, against a real API
 * server (apps/api/test/support/test-server.ts), with a HOME of its own (so that logins
 * stored by one test are not seen by another, nor by the developer's own ~/.config) and
 * a working folder of its own.
 *
 *   server = await startTestServer({ localOperator: true });
 *   const operator = await cliWorkspace({ cwd: server.workDir });     // finds .data/server.json: local operator
 *   const alice = await cliWorkspace({ env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: token } });
 *
 *   it('lists input sets', async () => {
 *     const run = await operator.planning('list', '--json');
 *     expect(run.code).toBe(0);
 *   });
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '@planning-hub/server/config/repo-root';

const root = findRepoRoot(import.meta.dirname);
const BIN = path.join(root, 'bin', 'planning');

// Test files run in parallel workers: the build writes a temporary file and renames it, so concurrent builds are harmless.
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), '--if-stale'], {
  encoding: 'utf8',
});
if (build.status !== 0) throw new Error(`building the planning CLI failed:\n${build.stderr}`);

/**
 * The CLI's variables, removed from the test process's environment so that only what a test sets counts
 * (the locale too: a developer's ja_JP.UTF-8 would make the CLI speak Japanese).
 */
const CLI_VARIABLES = [
  'PLANNING_HUB_URL',
  'PLANNING_HUB_TOKEN',
  'PLANNING_HUB_DATA_DIR',
  'PLANNING_HUB_WORKDIR',
  'XDG_CONFIG_HOME',
  'DATABASE_URL',
  'LC_ALL',
  'LC_MESSAGES',
  'LANG',
];

export type TPlanningTarget = {
  /** The working folder of the command: tmp/reports/, out/ and evidence/ land here. */
  cwd: string;
  /** HOME of the command: `planning login` stores its token under <home>/.config/planning-hub/. */
  home: string;
  /** PLANNING_HUB_URL, PLANNING_HUB_TOKEN, PLANNING_HUB_DATA_DIR, ... */
  env?: Record<string, string>;
};

/** How a finished `planning` ended: exit code (1 when a signal ended it) and everything it printed. */
export type TPlanningRun = { code: number; stdout: string; stderr: string };

function childEnv({ home, env = {} }: TPlanningTarget): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of CLI_VARIABLES) delete inherited[name];
  return { ...inherited, HOME: home, ...env };
}

/** Starts `planning <args>` and hands back the child, for a test that watches or kills it. */
export function spawnPlanning(
  args: string[],
  target: TPlanningTarget,
  stdio: StdioOptions = 'pipe',
): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: target.cwd, env: childEnv(target), stdio });
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

export type TCliWorkspace = TPlanningTarget & {
  planning: (...args: string[]) => Promise<TPlanningRun>;
  /** `planning <args>` with `stdin` (a password for --password-stdin). */
  planningWithStdin: (stdin: string, ...args: string[]) => Promise<TPlanningRun>;
  /** Removes the temporary HOME (and the working folder when it made one). */
  cleanup: () => Promise<void>;
};

/** A HOME of its own and a working folder (`cwd`, else a fresh temporary one) for `planning`. */
export async function cliWorkspace({
  cwd,
  env = {},
}: { cwd?: string; env?: Record<string, string> } = {}): Promise<TCliWorkspace> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'planning-home-'));
  const workDir = cwd ?? (await mkdtemp(path.join(os.tmpdir(), 'planning-cwd-')));
  const target: TPlanningTarget = { cwd: workDir, home, env };
  return {
    ...target,
    planning: (...args) => runPlanning(args, target),
    planningWithStdin: (stdin, ...args) => runPlanning(args, target, { stdin }),
    cleanup: async () => {
      await rm(home, { recursive: true, force: true });
      if (!cwd) await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** The principal the server records for the local operator running these tests. */
export const LOCAL_PRINCIPAL = `local:${os
  .userInfo()
  .username.replace(/[^A-Za-z0-9._-]/g, '_')
  .slice(0, 32)}`;

/** The value of one series on the server's /metrics, e.g. metricValue(text, 'run_without_input_set_total{entrypoint="cli"}'). */
export function metricValue(metricsText: string, series: string): number {
  const line = metricsText.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`metric ${series} not found`);
  return Number(line.split(' ')[1]);
}
