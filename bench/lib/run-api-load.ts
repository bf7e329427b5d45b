import os from 'node:os';
import path from 'node:path';
import type { TApiLoadOutcome } from '../tasks/task-types';
import { startApiProcess } from './api-process';
import type { TBenchArgs } from './args';
import { ensureBundle } from './bundles';
import { readPostmasterPid } from './cpu-time';
import { round2 } from './machine';
import { spawnTask } from './spawn-task';

/** Demand rows of the bundle every seeded revision holds: a small weekly refresh. */
const LOAD_BUNDLE_ROWS = 500;

/** bench/results.json's `api_load`: the task's numbers, the API's peak RSS and the load average around the run. */
export type TApiLoadResult = TApiLoadOutcome & {
  apiPeakRssMb: number;
  loadavgStart: number[];
  loadavgEnd: number[];
};

/**
 * api_load: a fresh API process (bench/lib/api-process.ts) on the bench database,
 * and the task process that seeds the review history and puts each endpoint under load.
 */
export async function runApiLoad({
  home,
  url,
  args,
  log,
}: {
  home: string;
  url: string;
  args: TBenchArgs;
  log: (line: string) => void;
}): Promise<TApiLoadResult> {
  log(
    `\n[api_load] ${args.load.connections} connections, ${args.load.seconds} s per endpoint, ${args.load.labels} labels`,
  );
  const bundle = await ensureBundle(home, LOAD_BUNDLE_ROWS, log);
  const dataDir = path.join(home, 'bench', 'data');
  const loadavgStart = os.loadavg().map(round2);
  const cpuProfileDir = args.cpuProfile ? path.join(dataDir, 'profiles') : undefined;
  const api = await startApiProcess({
    home,
    url,
    workDir: path.join(dataDir, 'api-load'),
    cpuProfileDir: cpuProfileDir && path.join(cpuProfileDir, 'api'),
  });
  try {
    const { baseUrl, token, workDir, pid } = api;
    const result = await spawnTask(
      'api_load',
      {
        url,
        home,
        rows: LOAD_BUNDLE_ROWS,
        bundleDir: bundle.dir,
        workDir: path.join(dataDir, 'work-api-load'),
        warmups: 0,
        rounds: 1,
        postgresPid: readPostmasterPid(path.join(home, args.pgDataDir)),
        api: { baseUrl, token, workDir, pid },
        load: args.load,
      },
      { cpuProfileDir },
    );
    if (!result.load) throw new Error('the api_load task reported no load results');
    return {
      ...result.load,
      apiPeakRssMb: Math.round(await api.readPeakRssMb()),
      loadavgStart,
      loadavgEnd: os.loadavg().map(round2),
    };
  } finally {
    await api.stop();
  }
}
