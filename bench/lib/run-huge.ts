import path from 'node:path';
import { ensureBundle } from './bundles';
import { readPostmasterPid } from './cpu-time';
import { median } from './measure';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import type { THugeDiff, THugeResult } from './report';
import { spawnTask } from './spawn-task';
import type { TSizeResult } from './size-result';

/**
 * --huge: 10M demand rows imported once (no warm-up: a single run takes minutes)
 * with its COPY baseline, and the import's peak RSS against the 1M import's; then
 * the diff task once at the same size (two 10M revisions made in SQL, diff vs its
 * join; no identical-revisions step), its rows deleted and the table vacuumed.
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
  const diff = await runHugeDiff({ home, url, rows, log, pgDataDir });
  return {
    rows,
    importS,
    copyDemandS,
    ratio: importS / copyDemandS,
    peakRssMb: result.peakRssMb,
    rssVs1M: oneMillion ? result.peakRssMb / oneMillion : null,
    ...diff,
  };
}

/** `rows` by `rows` diff (bench/tasks/diff-task.ts), one round; the demand table's size after, vacuumed. */
async function runHugeDiff({
  home,
  url,
  rows,
  log,
  pgDataDir,
}: {
  home: string;
  url: string;
  rows: number;
  log: (line: string) => void;
  pgDataDir: string;
}): Promise<THugeDiff> {
  log(`\n[${rows.toLocaleString('en-US')} rows] diff`);
  const result = await spawnTask('diff', {
    url,
    home,
    rows,
    bundleDir: '',
    workDir: path.join(home, 'bench', 'data', `work-${rows}`),
    warmups: 0,
    rounds: 1,
    postgresPid: readPostmasterPid(path.join(home, pgDataDir)),
    diffIdentical: false,
  });
  const diffS = median(result.samples.diff ?? []);
  const joinS = median(result.samples.join ?? []);
  // The task deleted its revisions; VACUUM gives their pages back (the rows were appended last).
  const db = createDatabaseClients(url, 1);
  let demandTableMb: number;
  try {
    await db.pool.query('VACUUM planning_input_demand');
    const { rows: size } = await db.pool.query<{ bytes: string }>(
      "SELECT pg_total_relation_size('planning_input_demand') AS bytes",
    );
    demandTableMb = Math.round(Number(size[0]!.bytes) / 1024 / 1024);
  } finally {
    await db.close();
  }
  log(`  demand table after the diff's rows were deleted and vacuumed: ${demandTableMb} MB`);
  return {
    diffS,
    joinS,
    diffRatio: diffS / joinS,
    diffPeakRssMb: result.peakRssMb,
    diffDiffering: Number(result.info?.differing ?? 0),
    demandTableMbAfter: demandTableMb,
  };
}
