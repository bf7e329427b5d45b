/**
 * The results tables of docs/performance.md ("Results (this run)"), written from a full
 * run's bench/data/results-detail.json, so that the page is regenerated from one run rather
 * than copied by hand: one table per size, with the per-round spread of each ratio.
 *
 *   npx tsx bench/markdown-tables.ts [bench/data/results-detail.json]
 */
import { readFile } from 'node:fs/promises';
import type { TPathLine, TSizeResult } from './lib/size-result';

/** What each path and baseline of the bench is called on the page. */
const PATH_NAMES: Record<string, string> = {
  import: 'import (a new revision)',
  import_vs_copy_no_fk: 'import',
  import_vs_all_csv: 'import',
  import_vs_copy_shared: 'import',
  import_gated: 'import, weekly: gated against the ready revision',
  import_overwrite: 'import, a draft uploaded again',
  upload: 'upload (REST)',
  cli_import_api: 'CLI import through the API',
  diff: 'diff',
  diff_identical: 'diff, identical revisions',
  diff_first_page_api: 'first page via API, cached',
  diff_first_page_api_cold: 'first page via API, cold (job included)',
  export: 'export (from its second on)',
  export_cold: 'export, first (cold)',
  hash: 'hash (verification read)',
  hash_vs_sorted_read: 'hash',
  validate: 'validation',
};
const BASELINE_NAMES: Record<string, string> = {
  copy_demand: 'copy_demand (identical table)',
  copy_demand_no_fk: 'copy_demand_no_fk (no check)',
  copy_demand_shared: 'copy_demand_shared (its own table)',
  copy_demand_beside_overwrite: 'copy_demand, beside it',
};

const HEADER = [
  'path',
  'median s',
  'baseline',
  'baseline s',
  'ratio',
  'rounds',
  'goal',
  'peak RSS MB',
  'CPU s',
  'CPU ratio',
];
const RIGHT_ALIGNED = new Set(['median s', 'baseline s', 'ratio', 'peak RSS MB', 'CPU s', 'CPU ratio']);

const fixed = (value: number | null, digits: number) => (value === null ? '-' : value.toFixed(digits));

/** The range of the per-round ratios: each round runs the path, then its baseline. */
function roundsRange(line: TPathLine): string {
  if (line.baselineRunsS.length === 0 || line.runsS.length !== line.baselineRunsS.length) return '-';
  const ratios = line.runsS.map((run, i) => run / line.baselineRunsS[i]!);
  return `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
}

function goalCell(line: TPathLine): string {
  if (!line.goal) return '-';
  const verdict = line.isMet ? 'ok' : 'miss';
  return line.goal.kind === 'seconds'
    ? `<= ${line.goal.value} s ${verdict}`
    : `<= ${line.goal.value} ${verdict}`;
}

function row(line: TPathLine): string[] {
  const ratio = fixed(line.ratio, 2);
  return [
    PATH_NAMES[line.path] ?? line.path,
    line.medianS.toFixed(3),
    line.baseline ? (BASELINE_NAMES[line.baseline] ?? line.baseline) : '-',
    fixed(line.baselineS, 3),
    line.goal && line.ratio !== null ? `**${ratio}**` : ratio,
    roundsRange(line),
    goalCell(line),
    line.peakRssMb === null ? '' : String(Math.round(line.peakRssMb)),
    fixed(line.cpuS, 2),
    fixed(line.cpuRatio, 2),
  ];
}

/** A table as Prettier writes it: every column padded to its widest cell. */
function markdownTable(rows: string[][]): string {
  const widths = HEADER.map((_, column) =>
    Math.max(...[HEADER, ...rows].map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (RIGHT_ALIGNED.has(HEADER[column]!) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (RIGHT_ALIGNED.has(HEADER[column]!) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}

const file = process.argv[2] ?? 'bench/data/results-detail.json';
const detail = JSON.parse(await readFile(file, 'utf8')) as { sizes: TSizeResult[] };
for (const size of detail.sizes) {
  process.stdout.write(`### ${size.rows.toLocaleString('en-US')} demand rows\n\n`);
  process.stdout.write(`${markdownTable(size.lines.map(row))}\n\n`);
  const validation = size.validation;
  if (validation?.cpuSeconds) {
    const perCpuSecond = Math.round(validation.rows / validation.cpuSeconds / 1000);
    const perWallSecond = Math.round(validation.rows / validation.seconds / 1000);
    process.stdout.write(
      `Validation: ${validation.rows.toLocaleString('en-US')} rows in ${validation.cpuSeconds.toFixed(2)} CPU s = ${perCpuSecond}k rows per CPU second (${perWallSecond}k rows/s wall).\n\n`,
    );
  }
}
