import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PG_PORT } from './bench-database';
import type { TTaskName } from './spawn-task';

export type TBenchArgs = {
  sizes: number[];
  huge: boolean;
  hugeRows: number;
  tasks: TTaskName[];
  warmups: number;
  rounds: number;
  cpuProfile: boolean;
  /** The API under load (bench/tasks/api-load-task.ts); not tied to a bundle size. */
  apiLoad: boolean;
  /** The SPA's production build and its gzip sizes (bench/lib/spa-bundle.ts), and its LCP in Chromium (bench/lib/spa-lcp.ts). */
  spa: boolean;
  /** bin/planning's wall time for --help and list against a running API (bench/lib/run-cli-latency.ts). */
  cli: boolean;
  load: TLoadArgs;
  /** The bench's embedded PostgreSQL: its port, and a data folder of its own for a port other than 54390. */
  pgPort: number;
  pgDataDir: string;
};

export type TLoadArgs = { seconds: number; connections: number; labels: number; warmupSeconds: number };

export const ALL_TASKS: TTaskName[] = ['validate', 'import', 'upload', 'export', 'hash', 'diff'];
/** Measured once per run, whatever the bundle sizes. */
export const ONCE_TASKS = ['api_load', 'spa', 'cli'] as const;
export const DEFAULT_SIZES = [100_000, 1_000_000];
export const HUGE_ROWS = 10_000_000;

export const USAGE = `usage: pnpm bench [--rows <n>] [--huge] [--only <task,...>] [--warmups <n>] [--rounds <n>] [--cpu-prof]
                  [--load-seconds <n>] [--connections <n>] [--load-labels <n>] [--port <n>]
  --rows <n>     one size only (default: 100000 and 1000000)
  --huge         also import 10,000,000 demand rows once, and compare its peak RSS with the 1M import;
                 then diff two 10,000,000-row revisions once against their join
  --huge-rows <n> another size for --huge (to try the flag quickly)
  --only <list>  some of ${[...ALL_TASKS, ...ONCE_TASKS].join(',')} (export and hash bring import along: they read its revision)
  --warmups <n>  warm-up rounds before the measured ones (default 1)
  --rounds <n>   measured rounds; the medians are over these (default 3)
  --cpu-prof     write a V8 CPU profile per task to bench/data/profiles (slows the runs down)
  --load-seconds <n>  api_load: seconds of load per endpoint (default 30; a 5 s warm-up comes first unless --warmups 0)
  --connections <n>   api_load: concurrent connections (default 50)
  --load-labels <n>   api_load: labels seeded with 3 revisions each (default 100), besides one label with 40 approved revisions
  --port <n>     the bench's PostgreSQL port (default ${BENCH_PG_PORT}); another port gets its own data folder .data/bench-<port>,
                 so a second bench can run while one holds ${BENCH_PG_PORT}`;

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
      'load-seconds': { type: 'string' },
      connections: { type: 'string' },
      'load-labels': { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rows = positiveInt(values.rows, '--rows', 1000);
  let tasks = ALL_TASKS;
  let wantedOnce: string[] = [...ONCE_TASKS];
  if (values.only) {
    const wanted = values.only.split(',').map((t) => t.trim());
    const known: string[] = [...ALL_TASKS, ...ONCE_TASKS];
    const unknown = wanted.filter((t) => !known.includes(t));
    if (unknown.length) throw new Error(`unknown task(s): ${unknown.join(', ')}\n${USAGE}`);
    if (wanted.includes('export') || wanted.includes('hash')) wanted.push('import');
    tasks = ALL_TASKS.filter((t) => wanted.includes(t));
    wantedOnce = wanted;
  }
  const pgPort = positiveInt(values.port, '--port', 1024) ?? BENCH_PG_PORT;
  return {
    sizes: rows ? [rows] : DEFAULT_SIZES,
    huge: values.huge,
    hugeRows: positiveInt(values['huge-rows'], '--huge-rows', 1000) ?? HUGE_ROWS,
    tasks,
    warmups: positiveInt(values.warmups, '--warmups', 0) ?? 1,
    rounds: positiveInt(values.rounds, '--rounds', 1) ?? 3,
    cpuProfile: values['cpu-prof'],
    apiLoad: wantedOnce.includes('api_load'),
    spa: wantedOnce.includes('spa'),
    cli: wantedOnce.includes('cli'),
    load: {
      seconds: positiveInt(values['load-seconds'], '--load-seconds', 1) ?? 30,
      connections: positiveInt(values.connections, '--connections', 1) ?? 50,
      labels: positiveInt(values['load-labels'], '--load-labels', 1) ?? 100,
      warmupSeconds: (positiveInt(values.warmups, '--warmups', 0) ?? 1) > 0 ? 5 : 0,
    },
    pgPort,
    pgDataDir: pgPort === BENCH_PG_PORT ? path.join('.data', 'bench') : path.join('.data', `bench-${pgPort}`),
  };
}
