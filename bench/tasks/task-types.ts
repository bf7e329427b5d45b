import type { TCpuSamples, TSamples } from '../lib/measure';

/** What the orchestrator hands every task (as JSON on the command line). */
export type TTaskOptions = {
  /** The bench database, migrated. */
  url: string;
  home: string;
  rows: number;
  bundleDir: string;
  /** Scratch space of this size (exports, diff caches). */
  workDir: string;
  warmups: number;
  rounds: number;
  /** The postmaster, whose process tree's CPU time is read around each step (Linux /proc). */
  postgresPid: number | null;
  /** The import task's baselines: every COPY variant, or only demand.csv into the identical table (the 10M run). */
  importBaselines?: 'all' | 'demand';
  /** The API started by the orchestrator, for the tasks that go through it. */
  api?: { baseUrl: string; token: string; workDir: string; pid: number | null };
};

export type TTaskOutcome = {
  samples: TSamples;
  cpu: TCpuSamples;
  info?: Record<string, number | string | boolean>;
};

/** What a task process writes to its result file. */
export type TTaskResult = TTaskOutcome & {
  /** This process's peak resident set (getrusage), over the warm-up and every run. */
  peakRssMb: number;
  /** Resident set once the modules were loaded, before any work: the floor under peakRssMb. */
  startRssMb: number;
};

export type TTask = (options: TTaskOptions) => Promise<TTaskOutcome>;
