import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApiProcess } from './api-process';
import { round2 } from './machine';
import { median } from './measure';

const run = promisify(execFile);

/** Runs per command after the warm-ups; the median is what the goals compare. */
const RUNS = 20;
const WARMUPS = 3;

type TTiming = { median_ms: number; p90_ms: number; min_ms: number; runs: number };

/** bench/results.json's `cli`: wall times of `bin/planning` as an operator starts it, against a running API. */
export type TCliLatencyResult = {
  help: TTiming;
  list: TTiming;
  /** `node -e 0` started the same way in the same run: what any Node command costs on this machine at this load. */
  node: TTiming;
  goals: { help_ms: number; list_ms: number };
  loadavgStart: number[];
  loadavgEnd: number[];
};

/** The goals for bin/planning: `--help` and `list`, median wall time. */
export const CLI_GOALS = { help_ms: 150, list_ms: 300 };

function timing(samplesMs: number[]): TTiming {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    median_ms: Math.round(median(sorted)),
    p90_ms: Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!),
    min_ms: Math.round(sorted[0]!),
    runs: sorted.length,
  };
}

/**
 * cli: `node -e 0`, `node bin/planning --help` and `node bin/planning list` (a token, the API in its
 * own process on the bench database), each started fresh RUNS times: the wall time an
 * operator waits, process start-up included.
 */
export async function runCliLatency({
  home,
  url,
  log,
}: {
  home: string;
  url: string;
  log: (line: string) => void;
}): Promise<TCliLatencyResult> {
  log('\n[cli] bin/planning --help and list, wall time per command');
  const built = spawnSync(process.execPath, [path.join(home, 'scripts', 'build-cli.mjs'), '--if-stale'], {
    cwd: home,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the CLI bundle could not be built (scripts/build-cli.mjs)');
  const loadavgStart = os.loadavg().map(round2);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'planning-bench-cli-'));
  const api = await startApiProcess({ home, url, workDir: path.join(home, 'bench', 'data', 'api-cli') });
  const bin = path.join(home, 'bin', 'planning');
  // A clean HOME: no stored login, only the token given.
  const env = { ...process.env, HOME: workDir, PLANNING_HUB_URL: api.baseUrl, PLANNING_HUB_TOKEN: api.token };
  const time = async (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const started = performance.now();
      await run(process.execPath, args, { cwd: workDir, env });
      if (i >= WARMUPS) samples.push(performance.now() - started);
    }
    return timing(samples);
  };
  try {
    const node = await time(['-e', '0']);
    const help = await time([bin, '--help']);
    const list = await time([bin, 'list']);
    log(`  node -e 0  median ${node.median_ms} ms (p90 ${node.p90_ms}): Node's own start-up, the floor`);
    log(`  --help     median ${help.median_ms} ms (p90 ${help.p90_ms}), goal <= ${CLI_GOALS.help_ms}`);
    log(`  list       median ${list.median_ms} ms (p90 ${list.p90_ms}), goal <= ${CLI_GOALS.list_ms}`);
    return { help, list, node, goals: CLI_GOALS, loadavgStart, loadavgEnd: os.loadavg().map(round2) };
  } finally {
    await api.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
