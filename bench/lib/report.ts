import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { round3, type TMachine } from './machine';
import { mergeOnceResults, onceResultKeys, type TOnceResults } from './report-once';
import type { TSizeResult } from './size-result';

export type THugeResult = {
  rows: number;
  importS: number;
  copyDemandS: number;
  ratio: number;
  peakRssMb: number;
  /** Peak RSS of the 10M import over that of the 1M import (goal <= 1.5). */
  rssVs1M: number | null;
} & THugeDiff;

/** The 10M-by-10M diff of --huge (bench/lib/run-huge.ts): one round against its join (goal <= 1.5). */
export type THugeDiff = {
  diffS: number;
  joinS: number;
  diffRatio: number;
  /** The diff task's process (the engine writing the cache), over the join and the diff. */
  diffPeakRssMb: number;
  diffDiffering: number;
  /** planning_input_demand with every table's rows, once the diff's are deleted and vacuumed. */
  demandTableMbAfter: number;
};

const pad = (text: string, width: number) => text.padStart(width);
const fmt = (n: number | null, digits = 3) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(digits));

function goalText(line: TSizeResult['lines'][number]): string {
  if (!line.goal) return '';
  const text = line.goal.kind === 'seconds' ? `<= ${line.goal.value} s` : `<= ${line.goal.value}`;
  return `${text} ${line.isMet ? 'ok' : 'MISS'}`;
}

export function formatTable(sizes: TSizeResult[], huge: THugeResult | null): string {
  const out: string[] = [];
  const header = `${'path'.padEnd(26)}${pad('rows', 11)}${pad('median s', 10)}${pad('baseline s', 12)}  ${'baseline'.padEnd(18)}${pad('ratio', 7)}  ${'goal'.padEnd(14)}${pad('peak RSS MB', 12)}${pad('CPU s', 8)}${pad('CPU ratio', 10)}`;
  out.push(header, '-'.repeat(header.length));
  for (const size of sizes) {
    for (const line of size.lines) {
      out.push(
        `${line.path.padEnd(26)}${pad(size.rows.toLocaleString('en-US'), 11)}${pad(fmt(line.medianS), 10)}${pad(fmt(line.baselineS), 12)}  ${(line.baseline ?? '').padEnd(18)}${pad(fmt(line.ratio, 2), 7)}  ${goalText(line).padEnd(14)}${pad(line.peakRssMb === null ? '' : String(line.peakRssMb), 12)}${pad(fmt(line.cpuS, 2), 8)}${pad(fmt(line.cpuRatio, 2), 10)}`,
      );
    }
    if (size.validation) {
      const { rows, demandRows, seconds, cpuSeconds } = size.validation;
      // Per core = per CPU-second of the one-threaded process; wall time also counts
      // the time the process waited for a core on a loaded machine.
      const perCore = rows / (cpuSeconds ?? seconds);
      out.push(
        `${'validation throughput'.padEnd(26)}${pad(size.rows.toLocaleString('en-US'), 11)}  ${Math.round(perCore).toLocaleString('en-US')} rows per CPU second (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s wall; ${rows.toLocaleString('en-US')} rows, ${Math.round((demandRows / rows) * 100)}% demand); goal >= 300,000 per core ${perCore >= 300_000 ? 'ok' : 'MISS'}`,
      );
    }
    out.push('');
  }
  if (huge) {
    out.push(
      `huge import ${huge.rows.toLocaleString('en-US')} rows: ${fmt(huge.importS, 1)} s (COPY ${fmt(huge.copyDemandS, 1)} s, ratio ${fmt(huge.ratio, 2)}), peak RSS ${Math.round(huge.peakRssMb)} MB = ${fmt(huge.rssVs1M, 2)}x the 1M import (goal <= 1.5)`,
      `huge diff ${huge.rows.toLocaleString('en-US')} by ${huge.rows.toLocaleString('en-US')} rows: ${fmt(huge.diffS, 1)} s (join ${fmt(huge.joinS, 1)} s, ratio ${fmt(huge.diffRatio, 2)}, goal <= 1.5 ${huge.diffRatio <= 1.5 ? 'ok' : 'MISS'}), ${huge.diffDiffering.toLocaleString('en-US')} rows differ, peak RSS ${Math.round(huge.diffPeakRssMb)} MB`,
    );
  }
  return out.join('\n');
}

/**
 * bench/results.json in the stable shape, for the largest size run;
 * bench/data/results-detail.json with every size, run and task. A partial run
 * (--only, or --cpu-prof, whose profiler slows the paths) writes
 * bench/data/results-partial.json instead, leaving the last complete results alone;
 * only its `api_load`, `spa` and `cli`, measured apart from the sizes, replace theirs there.
 */
export async function writeResults(
  home: string,
  machine: TMachine,
  sizes: TSizeResult[],
  huge: THugeResult | null,
  { isComplete, once = {} }: { isComplete: boolean; once?: TOnceResults },
): Promise<{ resultsFile: string; detailFile: string; mergedFile: string | null }> {
  const results = {
    machine,
    ...(sizes.length > 0 ? sizeResults(sizes, huge) : {}),
    ...onceResultKeys(once),
  };
  const resultsFile = isComplete
    ? path.join(home, 'bench', 'results.json')
    : path.join(home, 'bench', 'data', 'results-partial.json');
  const detailFile = path.join(
    home,
    'bench',
    'data',
    isComplete ? 'results-detail.json' : 'results-partial-detail.json',
  );
  await mkdir(path.dirname(detailFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(detailFile, `${JSON.stringify({ machine, sizes, huge, ...once }, null, 2)}\n`);
  const mergedFile = isComplete ? null : await mergeOnceResults(home, once);
  return { resultsFile, detailFile, mergedFile };
}

/** The keys of the largest size run (and --huge) in the stable shape. */
function sizeResults(sizes: TSizeResult[], huge: THugeResult | null) {
  const main = sizes.reduce((a, b) => (b.rows > a.rows ? b : a));
  const byPath = Object.fromEntries(main.lines.map((l) => [l.path, l]));
  const ratio = (p: string) => byPath[p]?.ratio ?? null;
  const medians = Object.fromEntries(
    main.lines.filter((l) => !l.path.includes('_vs_')).map((l) => [l.path, l.medianS]),
  );
  const baselineOf = (p: string) => byPath[p]?.baselineS ?? null;
  return {
    rows: main.rows,
    ratios: {
      import: ratio('import'),
      upload: ratio('upload'),
      diff: ratio('diff'),
      export: ratio('export'),
      hash: ratio('hash'),
      diff_identical: ratio('diff_identical'),
      import_vs_copy_no_fk: ratio('import_vs_copy_no_fk'),
      import_vs_all_csv: ratio('import_vs_all_csv'),
      import_vs_copy_shared: ratio('import_vs_copy_shared'),
      import_gated: ratio('import_gated'),
      import_overwrite: ratio('import_overwrite'),
      hash_vs_sorted_read: ratio('hash_vs_sorted_read'),
      ...Object.fromEntries(
        main.lines.filter((l) => l.cpuRatio !== null).map((l) => [`${l.path}_cpu`, l.cpuRatio]),
      ),
    },
    peak_rss_mb: Math.max(...main.lines.map((l) => l.peakRssMb ?? 0)),
    ...(main.validation
      ? {
          validation_rows_per_cpu_s: main.validation.cpuSeconds
            ? Math.round(main.validation.rows / main.validation.cpuSeconds)
            : null,
          validation_rows_per_s: Math.round(main.validation.rows / main.validation.seconds),
        }
      : {}),
    medians_s: {
      ...medians,
      ...(huge ? { huge_import: round3(huge.importS), huge_diff: round3(huge.diffS) } : {}),
    },
    baselines_s: {
      import: baselineOf('import'),
      import_no_fk: baselineOf('import_vs_copy_no_fk'),
      import_all_csv: baselineOf('import_vs_all_csv'),
      import_copy_shared: baselineOf('import_vs_copy_shared'),
      upload: baselineOf('upload'),
      diff: baselineOf('diff'),
      export: baselineOf('export'),
      hash: baselineOf('hash'),
      hash_sorted_read: baselineOf('hash_vs_sorted_read'),
      ...(huge ? { huge_copy_demand: round3(huge.copyDemandS), huge_diff_join: round3(huge.joinS) } : {}),
    },
    ...(huge ? { huge: hugeResults(huge) } : {}),
  };
}

/** results.json's `huge`: the 10M import (RSS against 1M) and the 10M-by-10M diff against its join. */
function hugeResults(huge: THugeResult) {
  return {
    rows: huge.rows,
    import_s: round3(huge.importS),
    copy_demand_s: round3(huge.copyDemandS),
    import_ratio: round3(huge.ratio),
    import_peak_rss_mb: Math.round(huge.peakRssMb),
    import_rss_vs_1m: huge.rssVs1M === null ? null : round3(huge.rssVs1M),
    diff_s: round3(huge.diffS),
    join_s: round3(huge.joinS),
    diff_ratio: round3(huge.diffRatio),
    diff_peak_rss_mb: Math.round(huge.diffPeakRssMb),
    diff_differing_rows: huge.diffDiffering,
    demand_table_mb_after: huge.demandTableMbAfter,
  };
}
