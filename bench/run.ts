/**
 * `pnpm bench`: the heavy paths against PostgreSQL's own best, measured in the same run
 * (issue 9, docs/performance.md). Starts its own embedded PostgreSQL (.data/bench,
 * port 54390) with a fresh migrated database, generates deterministic bundles into
 * bench/data/, runs every path in its own process (warm-up + 3 rounds, each round
 * alternating the path and its baseline), prints a table and writes bench/results.json.
 *
 *   pnpm bench                   100k and 1M demand rows
 *   pnpm bench --rows 100000     one size (a quick run)
 *   pnpm bench --huge            also a 10M-row import (RSS against the 1M import)
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_TASKS, parseBenchArgs } from './lib/args';
import { startBenchDatabase } from './lib/bench-database';
import { describeMachine, round2 } from './lib/machine';
import { formatTable, writeResults, type THugeResult } from './lib/report';
import { runHuge } from './lib/run-huge';
import { runSize } from './lib/run-size';
import type { TSizeResult } from './lib/size-result';

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  log(
    `bench: sizes ${args.sizes.join(', ')}${args.huge ? ' + 10M import' : ''}; tasks ${args.tasks.join(', ')}; ${args.warmups} warm-up + ${args.rounds} rounds`,
  );
  log(`load average ${os.loadavg().map(round2).join(' ')} on ${os.cpus().length} cores`);
  const database = await startBenchDatabase(home);
  const machine = describeMachine(database.postgresVersion);
  const sizes: TSizeResult[] = [];
  let huge: THugeResult | null = null;
  try {
    for (const rows of args.sizes) sizes.push(await runSize({ home, url: database.url, rows, args, log }));
    if (args.huge) huge = await runHuge({ home, url: database.url, sizes, rows: args.hugeRows, log });
  } finally {
    await database.stop();
  }
  machine.loadavgEnd = os.loadavg().map(round2);
  log(`\n${formatTable(sizes, huge)}`);
  log(
    `load average at start ${machine.loadavgStart.join(' ')}, at end ${machine.loadavgEnd.join(' ')} (${machine.cpus} cores)`,
  );
  const isComplete = args.tasks.length === ALL_TASKS.length && !args.cpuProfile;
  const { resultsFile, detailFile } = await writeResults(home, machine, sizes, huge, { isComplete });
  log(`wrote ${path.relative(home, resultsFile)} and ${path.relative(home, detailFile)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
