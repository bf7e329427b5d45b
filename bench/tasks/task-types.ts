import type { TSamples } from '../lib/measure';

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
  /** The API started by the orchestrator, for the tasks that go through it. */
  api?: { baseUrl: string; token: string; workDir: string };
};

export type TTaskOutcome = { samples: TSamples; info?: Record<string, number | string | boolean> };

/** What a task process writes to its result file. */
export type TTaskResult = TTaskOutcome & {
  /** This process's peak resident set (getrusage), over the warm-up and every run. */
  peakRssMb: number;
  /** Resident set once the modules were loaded, before any work: the floor under peakRssMb. */
  startRssMb: number;
};

export type TTask = (options: TTaskOptions) => Promise<TTaskOutcome>;
