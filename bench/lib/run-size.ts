import path from 'node:path';
import type { TTaskOptions } from '../tasks/task-types';
import { startApiProcess } from './api-process';
import type { TBenchArgs } from './args';
import { ensureBundle } from './bundles';
import { readPostmasterPid } from './cpu-time';
import { median } from './measure';
import { spawnTask, type TTaskName } from './spawn-task';
import { buildLines, type TSizeResult } from './size-result';

const MB = 1024 * 1024;

/** Tasks that talk to the API get a fresh API process each, so its peak RSS belongs to that path. */
const API_TASKS: TTaskName[] = ['upload', 'diff'];

/** Every task of one bundle size, one process each, in an order where each finds what it reads. */
export async function runSize({
  home,
  url,
  rows,
  args,
  log,
}: {
  home: string;
  url: string;
  rows: number;
  args: TBenchArgs;
  log: (line: string) => void;
}): Promise<TSizeResult> {
  const bundle = await ensureBundle(home, rows, log);
  const dataDir = path.join(home, 'bench', 'data');
  const base: TTaskOptions = {
    url,
    home,
    rows,
    bundleDir: bundle.dir,
    workDir: path.join(dataDir, `work-${rows}`),
    warmups: args.warmups,
    rounds: args.rounds,
    postgresPid: readPostmasterPid(path.join(home, args.pgDataDir)),
  };
  const cpuProfileDir = args.cpuProfile ? path.join(dataDir, 'profiles') : undefined;
  const size: TSizeResult = {
    rows,
    bundle: {
      demandMb: Math.round((bundle.demandBytes / MB) * 10) / 10,
      totalMb: Math.round((bundle.totalBytes / MB) * 10) / 10,
    },
    lines: [],
    validation: null,
    apiPeakRssMb: { upload: null, diff: null },
    tasks: {},
  };
  for (const task of args.tasks) {
    log(`\n[${rows.toLocaleString('en-US')} rows] ${task}`);
    if (!API_TASKS.includes(task)) {
      size.tasks[task] = await spawnTask(task, base, { cpuProfileDir });
      continue;
    }
    const api = await startApiProcess({
      home,
      url,
      workDir: path.join(dataDir, `api-${task}-${rows}`),
      cpuProfileDir: cpuProfileDir && path.join(cpuProfileDir, `api-${task}`),
    });
    try {
      const { baseUrl, token, workDir, pid } = api;
      size.tasks[task] = await spawnTask(
        task,
        { ...base, api: { baseUrl, token, workDir, pid } },
        { cpuProfileDir },
      );
      size.apiPeakRssMb[task as 'upload' | 'diff'] = await api.readPeakRssMb();
    } finally {
      await api.stop();
    }
  }
  const validate = size.tasks.validate;
  if (validate?.samples.validate) {
    const seconds = median(validate.samples.validate);
    const nodeCpu = validate.cpu.validate?.node;
    size.validation = {
      rows: Number(validate.info?.rows ?? 0),
      demandRows: Number(validate.info?.demandRows ?? 0),
      seconds,
      cpuSeconds: nodeCpu && nodeCpu.length > 0 ? median(nodeCpu) : null,
    };
  }
  size.lines = buildLines(size);
  return size;
}
