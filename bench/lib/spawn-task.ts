import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TTaskOptions, TTaskResult } from '../tasks/task-types';

export type TTaskName = 'import' | 'upload' | 'export' | 'hash' | 'diff' | 'validate' | 'api_load';

/**
 * Runs one task in its own Node process, so that its peak RSS is its own (not
 * the orchestrator's, nor another path's). With `cpuProfileDir` the process
 * writes a V8 CPU profile there (node --cpu-prof).
 */
export async function spawnTask(
  name: TTaskName,
  options: TTaskOptions,
  { cpuProfileDir }: { cpuProfileDir?: string | undefined } = {},
): Promise<TTaskResult> {
  const resultFile = path.join(options.workDir, `${name}-result.json`);
  await mkdir(options.workDir, { recursive: true });
  await rm(resultFile, { force: true });
  const profileArgs = cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir, '--cpu-prof-name', `${name}-${options.rows}.cpuprofile`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profileArgs,
      '--import',
      'tsx',
      path.join('bench', 'tasks', 'task-main.ts'),
      name,
      JSON.stringify(options),
      resultFile,
    ],
    {
      cwd: options.home,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  if (code !== 0) throw new Error(`bench task ${name} (${options.rows} rows) failed: exit ${code ?? signal}`);
  return JSON.parse(await readFile(resultFile, 'utf8')) as TTaskResult;
}
