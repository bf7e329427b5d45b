import { describe, expect, it } from 'vitest';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { hashTables } from '../canonical/content-hash';
import { formatCsvHeader, formatTableRow } from '../csv/format-csv-row';
import { collectBundle, sourcesOf } from '../../test/bundle-fixtures';
import { generateBundle, type TGeneratedTable } from './generate-bundle';

function asFiles(demandRows: number, seed: number): Record<string, string> {
  const bundle = generateBundle({ demandRows, seed });
  const files: Record<string, string> = { 'params.json': JSON.stringify(bundle.params) };
  for (const [table, rows] of Object.entries(bundle.tables) as [
    TGeneratedTable,
    () => Iterable<Record<string, string | null>>,
  ][]) {
    const lines = [formatCsvHeader(table)];
    for (const row of rows()) lines.push(formatTableRow(table, row));
    files[TABLE_SPECS[table].file] = `${lines.join('\n')}\n`;
  }
  return files;
}

describe('generateBundle', () => {
  it('generates a valid bundle at realistic ratios, Japanese codes included', async () => {
    const result = await collectBundle(sourcesOf(asFiles(5000, 7), 1 << 14));
    expect(result.problems).toEqual([]);
    expect(result.rowCounts).toMatchObject({
      demand: 5000,
      calendar: 364,
      inbound: 250,
      period_metrics: 156,
      mix: 13,
    });
    expect(result.tables.demand?.some((row) => row.item_code!.startsWith('部品-'))).toBe(true);
  });

  it('gives the same rows for the same seed and different ones for another', () => {
    const hashOf = (seed: number) => {
      const bundle = generateBundle({ demandRows: 2000, seed });
      return hashTables(
        Object.fromEntries(Object.entries(bundle.tables).map(([table, rows]) => [table, [...rows()]])),
      );
    };
    expect(hashOf(1)).toBe(hashOf(1));
    expect(hashOf(1)).not.toBe(hashOf(2));
  });
});
