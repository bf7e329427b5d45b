/**
 * `pnpm bench`: the heavy paths against PostgreSQL's own best, measured in the same run
 * (issue 9, docs/performance.md). Starts its own embedded PostgreSQL (.data/bench,
 * port 54390) with a fresh migrated database, generates deterministic bundles into
 * bench/data/, runs every path in its own process (warm-up + 3 rounds, each round
 * alternating the path and its baseline), prints a table and writes bench/results.json.
 *
 *   pnpm bench                   100k and 1M demand rows
 *   pnpm bench --rows 100000     one size (a quick run)
 *   pnpm bench --huge            also a 10M-row import (RSS against the 1M import) and a 10M-by-10M diff (against its join)
 *   pnpm bench --only api_load   the API under load (list, detail, events; --load-seconds, --connections)
 *   pnpm bench --only spa        the SPA's production build: gzip size of the entry chunk and of all JS, and the
 *                                list page's Largest Contentful Paint in Chromium against the real API
 *   pnpm bench --only cli        bin/planning --help and list: wall time per fresh start against a running API
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_TASKS, parseBenchArgs } from './lib/args';
import { startBenchDatabase } from './lib/bench-database';
import { describeMachine, round2 } from './lib/machine';
import { formatTable, writeResults, type THugeResult } from './lib/report';
import { formatOnceTable, type TOnceResults } from './lib/report-once';
import { runApiLoad } from './lib/run-api-load';
import { runCliLatency } from './lib/run-cli-latency';
import { runHuge } from './lib/run-huge';
import { runSize } from './lib/run-size';
import { measureDiffTab } from './lib/diff-tab';
import { measureSpaBundle, spaDistDir } from './lib/spa-bundle';
import { measureSpaLcp } from './lib/spa-lcp';
import type { TSizeResult } from './lib/size-result';

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const once = [args.apiLoad ? 'api_load' : '', args.spa ? 'spa' : '', args.cli ? 'cli' : ''].filter(Boolean);
  log(
    `bench: ${args.tasks.length > 0 ? `sizes ${args.sizes.join(', ')}${args.huge ? ` + ${args.hugeRows.toLocaleString('en-US')}-row import and diff` : ''}; tasks ${args.tasks.join(', ')}; ` : ''}${once.length > 0 ? `once ${once.join(', ')}; ` : ''}${args.warmups} warm-up + ${args.rounds} rounds`,
  );
  log(`load average ${os.loadavg().map(round2).join(' ')} on ${os.cpus().length} cores`);
  const database =
    args.tasks.length > 0 || args.apiLoad || args.cli || args.spa
      ? await startBenchDatabase(home, args.pgPort, args.pgDataDir)
      : null;
  const machine = describeMachine(database?.postgresVersion ?? 'not started');
  const sizes: TSizeResult[] = [];
  let huge: THugeResult | null = null;
  const onceResults: TOnceResults = {};
  try {
    if (database && args.tasks.length > 0) {
      for (const rows of args.sizes) sizes.push(await runSize({ home, url: database.url, rows, args, log }));
      if (args.tasks.includes('diff')) {
        // The Diff tab in Chromium, once, at the largest size (issue 19: 1M).
        const rows = Math.max(...args.sizes);
        onceResults.diffTab = await measureDiffTab({ home, url: database.url, rows, log });
      }
      if (args.huge) {
        huge = await runHuge({
          home,
          url: database.url,
          sizes,
          rows: args.hugeRows,
          log,
          pgDataDir: args.pgDataDir,
        });
      }
    }
    if (database && args.apiLoad)
      onceResults.apiLoad = await runApiLoad({ home, url: database.url, args, log });
    if (database && args.cli) onceResults.cli = await runCliLatency({ home, url: database.url, log });
    if (database && args.spa) {
      // The build's sizes, then Chromium loading that build from the real API (after api_load, on its data).
      const sizes = await measureSpaBundle({ home, log });
      const lcp = await measureSpaLcp({ home, url: database.url, distDir: spaDistDir(home), log });
      onceResults.spa = { ...sizes, ...lcp };
    }
  } finally {
    await database?.stop();
  }
  machine.loadavgEnd = os.loadavg().map(round2);
  if (sizes.length > 0 || huge) log(`\n${formatTable(sizes, huge)}`);
  if (Object.keys(onceResults).length > 0) log(`\n${formatOnceTable(onceResults)}`);
  log(
    `load average at start ${machine.loadavgStart.join(' ')}, at end ${machine.loadavgEnd.join(' ')} (${machine.cpus} cores)`,
  );
  const isComplete =
    args.tasks.length === ALL_TASKS.length && args.apiLoad && args.spa && args.cli && !args.cpuProfile;
  const { resultsFile, detailFile, mergedFile } = await writeResults(home, machine, sizes, huge, {
    isComplete,
    once: onceResults,
  });
  log(`wrote ${path.relative(home, resultsFile)} and ${path.relative(home, detailFile)}`);
  if (mergedFile)
    log(`updated ${Object.keys(onceResults).join(' and ')} in ${path.relative(home, mergedFile)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
