import { median } from './measure';
import { round2, round3 } from './machine';
import type { TTaskResult } from '../tasks/task-types';
import type { TTaskName } from './spawn-task';

/** One line of the results table: a path against its baseline measured in the same task. */
export type TPathLine = {
  path: string;
  medianS: number;
  baseline: string | null;
  baselineS: number | null;
  ratio: number | null;
  /** The goal: ratio at most this (or, for first page, seconds at most this). */
  goal: { kind: 'ratio' | 'seconds'; value: number } | null;
  isMet: boolean | null;
  peakRssMb: number | null;
  /** CPU seconds (Node + PostgreSQL + API process), median over the runs: wall time minus waiting for a core. */
  cpuS: number | null;
  baselineCpuS: number | null;
  cpuRatio: number | null;
  runsS: number[];
  baselineRunsS: number[];
};

export type TSizeResult = {
  rows: number;
  bundle: { demandMb: number; totalMb: number };
  lines: TPathLine[];
  /**
   * processBundle without a database, one thread: rows of all tables (demand among
   * them) in `seconds` of wall time and `cpuSeconds` of the process's CPU (medians).
   */
  validation: { rows: number; demandRows: number; seconds: number; cpuSeconds: number | null } | null;
  apiPeakRssMb: { upload: number | null; diff: number | null };
  tasks: Partial<Record<TTaskName, TTaskResult>>;
};

type TLineSpec = {
  path: string;
  task: TTaskName;
  step: string;
  baselineStep: string | null;
  goal: TPathLine['goal'];
  rss: 'task' | 'api-upload' | 'api-diff' | null;
};

export const LINE_SPECS: TLineSpec[] = [
  {
    path: 'import',
    task: 'import',
    step: 'import',
    baselineStep: 'copy_demand',
    // Issue 19's goals: import 1.3x COPY, upload 1.2x the import.
    goal: { kind: 'ratio', value: 1.3 },
    rss: 'task',
  },
  {
    path: 'import_vs_copy_no_fk',
    task: 'import',
    step: 'import',
    baselineStep: 'copy_demand_no_fk',
    goal: null,
    rss: null,
  },
  {
    path: 'import_vs_all_csv',
    task: 'import',
    step: 'import',
    baselineStep: 'copy_all_tables',
    goal: null,
    rss: null,
  },
  {
    // COPY into the import's own table (every other revision in it): what the table's state costs.
    path: 'import_vs_copy_shared',
    task: 'import',
    step: 'import',
    baselineStep: 'copy_demand_shared',
    goal: null,
    rss: null,
  },
  {
    // The same import where the label's ready revision is this bundle: the approval gates' comparisons included.
    path: 'import_gated',
    task: 'import',
    step: 'import_gated',
    baselineStep: 'copy_demand',
    goal: null,
    rss: null,
  },
  {
    // A draft uploaded again: its old rows deleted and the new ones copied in one transaction.
    path: 'import_overwrite',
    task: 'import',
    step: 'import_overwrite',
    baselineStep: 'copy_demand_beside_overwrite',
    goal: null,
    rss: null,
  },
  {
    path: 'upload',
    task: 'upload',
    step: 'upload',
    baselineStep: 'direct_import',
    goal: { kind: 'ratio', value: 1.2 },
    rss: 'api-upload',
  },
  {
    path: 'cli_import_api',
    task: 'upload',
    step: 'cli_api',
    baselineStep: 'direct_import',
    goal: { kind: 'ratio', value: 1.15 },
    rss: null,
  },
  {
    path: 'diff',
    task: 'diff',
    step: 'diff',
    baselineStep: 'join',
    goal: { kind: 'ratio', value: 1.5 },
    rss: 'task',
  },
  {
    path: 'diff_identical',
    task: 'diff',
    step: 'diff_identical',
    baselineStep: 'join',
    goal: { kind: 'ratio', value: 0.1 },
    rss: null,
  },
  {
    path: 'diff_first_page_api',
    task: 'diff',
    step: 'api_first_page',
    baselineStep: null,
    goal: { kind: 'seconds', value: 1 },
    rss: 'api-diff',
  },
  {
    path: 'diff_first_page_api_cold',
    task: 'diff',
    step: 'api_first_page_cold',
    baselineStep: 'diff',
    goal: null,
    rss: null,
  },
  {
    path: 'export',
    task: 'export',
    step: 'export',
    baselineStep: 'copy_to_csv',
    goal: { kind: 'ratio', value: 1.5 },
    rss: 'task',
  },
  {
    path: 'export_cold',
    task: 'export',
    step: 'export_cold',
    baselineStep: 'copy_to_csv',
    goal: null,
    rss: null,
  },
  {
    path: 'hash',
    task: 'hash',
    step: 'hash',
    baselineStep: 'read',
    goal: { kind: 'ratio', value: 1.5 },
    rss: 'task',
  },
  {
    path: 'hash_vs_sorted_read',
    task: 'hash',
    step: 'hash',
    baselineStep: 'read_sorted',
    goal: null,
    rss: null,
  },
  { path: 'validate', task: 'validate', step: 'validate', baselineStep: null, goal: null, rss: 'task' },
];

/** Median over runs of the CPU seconds of all sources together. */
function cpuMedian(bySource: Record<string, number[]> | undefined): number | null {
  const sources = Object.values(bySource ?? {});
  if (sources.length === 0 || sources[0]!.length === 0) return null;
  const totals = sources[0]!.map((_, run) => sources.reduce((sum, values) => sum + (values[run] ?? 0), 0));
  return Number.isNaN(totals[0]) ? null : median(totals);
}

export function buildLines(size: Pick<TSizeResult, 'tasks' | 'apiPeakRssMb'>): TPathLine[] {
  const lines: TPathLine[] = [];
  for (const spec of LINE_SPECS) {
    const task = size.tasks[spec.task];
    const runs = task?.samples[spec.step];
    if (!task || !runs) continue;
    const baselineRuns = spec.baselineStep ? (task.samples[spec.baselineStep] ?? []) : [];
    const medianS = median(runs);
    const baselineS = spec.baselineStep ? median(baselineRuns) : null;
    const ratio = baselineS ? medianS / baselineS : null;
    const measured = spec.goal?.kind === 'seconds' ? medianS : ratio;
    const cpuS = cpuMedian(task.cpu[spec.step]);
    const baselineCpuS = spec.baselineStep ? cpuMedian(task.cpu[spec.baselineStep]) : null;
    const peakRssMb =
      spec.rss === 'task'
        ? task.peakRssMb
        : spec.rss === 'api-upload'
          ? size.apiPeakRssMb.upload
          : spec.rss === 'api-diff'
            ? size.apiPeakRssMb.diff
            : null;
    lines.push({
      path: spec.path,
      medianS: round3(medianS),
      baseline: spec.baselineStep,
      baselineS: baselineS === null ? null : round3(baselineS),
      ratio: ratio === null ? null : round3(ratio),
      goal: spec.goal,
      isMet: spec.goal && measured !== null ? measured <= spec.goal.value : null,
      peakRssMb: peakRssMb === null ? null : Math.round(peakRssMb),
      cpuS: cpuS === null ? null : round2(cpuS),
      baselineCpuS: baselineCpuS === null ? null : round2(baselineCpuS),
      cpuRatio: cpuS !== null && baselineCpuS ? round3(cpuS / baselineCpuS) : null,
      runsS: runs.map(round3),
      baselineRunsS: baselineRuns.map(round3),
    });
  }
  return lines;
}
