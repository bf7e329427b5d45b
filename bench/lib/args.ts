import { parseArgs } from 'node:util';
import type { TTaskName } from './spawn-task';

export type TBenchArgs = {
  sizes: number[];
  huge: boolean;
  hugeRows: number;
  tasks: TTaskName[];
  warmups: number;
  rounds: number;
  cpuProfile: boolean;
};

export const ALL_TASKS: TTaskName[] = ['validate', 'import', 'upload', 'export', 'hash', 'diff'];
export const DEFAULT_SIZES = [100_000, 1_000_000];
export const HUGE_ROWS = 10_000_000;

export const USAGE = `usage: pnpm bench [--rows <n>] [--huge] [--only <task,...>] [--warmups <n>] [--rounds <n>] [--cpu-prof]
  --rows <n>     one size only (default: 100000 and 1000000)
  --huge         also import 10,000,000 demand rows once, and compare its peak RSS with the 1M import
  --huge-rows <n> another size for --huge (to try the flag quickly)
  --only <list>  some of ${ALL_TASKS.join(',')} (export and hash bring import along: they read its revision)
  --warmups <n>  warm-up rounds before the measured ones (default 1)
  --rounds <n>   measured rounds; the medians are over these (default 3)
  --cpu-prof     write a V8 CPU profile per task to bench/data/profiles (slows the runs down)`;

function positiveInt(text: string | undefined, name: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}\n${USAGE}`);
  return n;
}

export function parseBenchArgs(argv: string[]): TBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      huge: { type: 'boolean', default: false },
      'huge-rows': { type: 'string' },
      only: { type: 'string' },
      warmups: { type: 'string' },
      rounds: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rows = positiveInt(values.rows, '--rows', 1000);
  let tasks = ALL_TASKS;
  if (values.only) {
    const wanted = values.only.split(',').map((t) => t.trim());
    const unknown = wanted.filter((t) => !ALL_TASKS.includes(t as TTaskName));
    if (unknown.length) throw new Error(`unknown task(s): ${unknown.join(', ')}\n${USAGE}`);
    if (wanted.includes('export') || wanted.includes('hash')) wanted.push('import');
    tasks = ALL_TASKS.filter((t) => wanted.includes(t));
  }
  return {
    sizes: rows ? [rows] : DEFAULT_SIZES,
    huge: values.huge,
    hugeRows: positiveInt(values['huge-rows'], '--huge-rows', 1000) ?? HUGE_ROWS,
    tasks,
    warmups: positiveInt(values.warmups, '--warmups', 0) ?? 1,
    rounds: positiveInt(values.rounds, '--rounds', 1) ?? 3,
    cpuProfile: values['cpu-prof'],
  };
}
