import path from 'node:path';
import { ensureBundle } from './bundles';
import { readPostmasterPid } from './cpu-time';
import { median } from './measure';
import type { THugeResult } from './report';
import { spawnTask } from './spawn-task';
import type { TSizeResult } from './size-result';

/**
 * --huge: 10M demand rows imported once (no warm-up: a single run takes minutes)
 * with its COPY baseline, and the import's peak RSS against the 1M import's.
 */
export async function runHuge({
  home,
  url,
  sizes,
  rows,
  log,
  pgDataDir = path.join('.data', 'bench'),
}: {
  home: string;
  url: string;
  rows: number;
  /** The bench PostgreSQL's data folder, relative to home. */
  pgDataDir?: string;
  sizes: TSizeResult[];
  log: (line: string) => void;
}): Promise<THugeResult> {
  const bundle = await ensureBundle(home, rows, log);
  log(`\n[${rows.toLocaleString('en-US')} rows] import`);
  const result = await spawnTask('import', {
    url,
    home,
    rows,
    bundleDir: bundle.dir,
    workDir: path.join(home, 'bench', 'data', `work-${rows}`),
    warmups: 0,
    rounds: 1,
    importBaselines: 'demand',
    postgresPid: readPostmasterPid(path.join(home, pgDataDir)),
  });
  const importS = median(result.samples.import ?? []);
  const copyDemandS = median(result.samples.copy_demand ?? []);
  const oneMillion = sizes.find((s) => s.rows === 1_000_000)?.tasks.import?.peakRssMb ?? null;
  return {
    rows,
    importS,
    copyDemandS,
    ratio: importS / copyDemandS,
    peakRssMb: result.peakRssMb,
    rssVs1M: oneMillion ? result.peakRssMb / oneMillion : null,
  };
}
