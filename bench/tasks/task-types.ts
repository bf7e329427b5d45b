import type { TLoadArgs } from '../lib/args';
import type { TEndpointLoad } from '../lib/load-endpoint';
import type { TCpuSamples, TSamples } from '../lib/measure';
import type { TSeededHistory } from './seed-review-history';

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
  /** The diff task's identical-revisions step (a third copy of the rows); false in the 10M run. Default true. */
  diffIdentical?: boolean;
  /** The API started by the orchestrator, for the tasks that go through it. */
  api?: { baseUrl: string; token: string; workDir: string; pid: number | null };
  /** The api_load task's duration, connections and data size. */
  load?: TLoadArgs;
};

export type TTaskOutcome = {
  samples: TSamples;
  cpu: TCpuSamples;
  info?: Record<string, number | string | boolean>;
  /** The api_load task's latencies and throughput per endpoint. */
  load?: TApiLoadOutcome;
};

/** What a task process writes to its result file. */
export type TTaskResult = TTaskOutcome & {
  /** This process's peak resident set (getrusage), over the warm-up and every run. */
  peakRssMb: number;
  /** Resident set once the modules were loaded, before any work: the floor under peakRssMb. */
  startRssMb: number;
};

export type TTask = (options: TTaskOptions) => Promise<TTaskOutcome>;

/** The api_load task's endpoints, in the order they are loaded. */
export const LOAD_ENDPOINTS = ['list', 'detail', 'events'] as const;
export type TLoadEndpoint = (typeof LOAD_ENDPOINTS)[number];

/** What the api_load task reports: the seeded data and each endpoint under load. */
export type TApiLoadOutcome = {
  dataset: TSeededHistory;
  connections: number;
  seconds: number;
  endpoints: Record<TLoadEndpoint, TEndpointLoad>;
};
