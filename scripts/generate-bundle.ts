/**
 * Writes a synthetic, valid bundle (CSV per table + params.json) for tests and benchmarks:
 *   npx tsx scripts/generate-bundle.ts --rows 100000 --out tmp/bundle-100k [--seed 1]
 * Streams: memory stays flat whatever --rows is. Imports by path: the root package has no workspace dependencies.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TABLE_SPECS } from '../packages/contracts/src/tables';
import { formatCsvHeader, formatTableRow } from '../packages/core/src/csv/format-csv-row';
import { generateBundle, type TGeneratedTable } from '../packages/core/src/generate/generate-bundle';

const LINES_PER_WRITE = 5000;

async function writeTable(
  file: string,
  table: TGeneratedTable,
  rows: Iterable<Record<string, string | null>>,
) {
  const out = createWriteStream(file);
  let chunk = `${formatCsvHeader(table)}\n`;
  let lines = 0;
  let count = 0;
  for (const row of rows) {
    chunk += `${formatTableRow(table, row)}\n`;
    count++;
    if (++lines === LINES_PER_WRITE) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
      lines = 0;
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return count;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const demandRows = Number(values.rows);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(demandRows) || demandRows < 0 || !Number.isInteger(seed)) {
    console.error('usage: npx tsx scripts/generate-bundle.ts --rows <n> --out <dir> [--seed <n>]');
    process.exit(1);
  }
  await mkdir(values.out, { recursive: true });
  const bundle = generateBundle({ demandRows, seed });
  for (const [table, rows] of Object.entries(bundle.tables) as [
    TGeneratedTable,
    () => Generator<Record<string, string | null>>,
  ][]) {
    const count = await writeTable(path.join(values.out, TABLE_SPECS[table].file), table, rows());
    console.log(`${TABLE_SPECS[table].file}: ${count} rows`);
  }
  await writeFile(path.join(values.out, 'params.json'), `${JSON.stringify(bundle.params, null, 2)}\n`);
  console.log('params.json');
}

await main();
