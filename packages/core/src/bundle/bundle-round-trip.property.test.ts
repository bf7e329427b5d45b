import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { canonicalRowLine } from '../canonical/canonical-row-line';
import { compareRowsByKey } from '../canonical/compare-rows-by-key';
import { hashTables } from '../canonical/content-hash';
import { formatCsvHeader, formatCsvRow, formatTableRow } from '../csv/format-csv-row';
import {
  DATA_TABLES,
  arbitraryInputSet,
  tablesOf,
  writeBundleFiles,
  type TArbitraryInputSet,
} from '../../test/arbitrary-input-set';
import { collectBundle, sourcesOf } from '../../test/bundle-fixtures';

/** Each table's rows as hashed, in natural key order: what "the same content" means. */
function canonicalLines(tables: Partial<Record<TTableName, readonly TRow[]>>): Record<string, string[]> {
  return Object.fromEntries(
    TABLE_NAMES.map((table) => [
      table,
      [...(tables[table] ?? [])].sort(compareRowsByKey(table)).map((row) => canonicalRowLine(table, row)),
    ]),
  );
}

describe('parse(export(set)) keeps the content (docs/design.md section 2)', () => {
  it('reads any valid set back with the same rows and content hash, however its files are written', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryInputSet(),
        fc.integer(),
        fc.integer({ min: 3, max: 97 }),
        async (set, style, chunkSize) => {
          const read = await collectBundle(sourcesOf(writeBundleFiles(set, style), chunkSize));
          expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(canonicalLines(read.tables)).toEqual(canonicalLines(tablesOf(set)));
          expect(hashTables(read.tables)).toBe(hashTables(tablesOf(set)));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('reads an empty list in input_set.json as an empty table, like a CSV file with only its header', async () => {
    // Found by the property above: `"inbound": []` was reported as missing every column.
    const set = fc.sample(arbitraryInputSet({ maxRows: 2 }), { numRuns: 1, seed: 7 })[0]!;
    const tables = { ...set.tables, inbound: [], period_metrics: [] };
    const read = await collectBundle(
      sourcesOf({ 'input_set.json': JSON.stringify({ tables, params: set.params }) }),
    );
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.rowCounts).toMatchObject({ inbound: 0, period_metrics: 0 });
  });

  it('reads the export format (formatTableRow, spec column order) back to the same hash', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryInputSet(), async (set) => {
        const read = await collectBundle(sourcesOf(exportFiles(set), 4096));
        expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(hashTables(read.tables)).toBe(hashTables(tablesOf(set)));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('formula injection (docs/design.md section 2: codes must not start with = + - @)', () => {
  const FORMULA_START = /^[=+\-@]/;
  const anyCell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ maxLength: 8 }))
      .map(([first, rest]) => first + rest),
  );

  it('never stores a code or text cell that a spreadsheet would run as a formula, so no export can hold one', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryInputSet({ maxRows: 3 }),
        fc.array(fc.tuple(anyCell, anyCell, anyCell), { maxLength: 15 }),
        async (set, cells) => {
          const period = String(set.params['horizon_start']);
          const demand = [
            formatCsvHeader('demand'),
            ...cells.map(([item, location, uom]) => formatCsvRow([item, location, period, '1', uom])),
          ].join('\n');
          const read = await collectBundle(sourcesOf({ ...exportFiles(set), 'demand.csv': demand }, 4096));
          for (const row of read.tables.demand ?? []) {
            for (const column of ['item_code', 'location_code', 'uom'])
              expect(row[column] ?? '').not.toMatch(FORMULA_START);
          }
          const formulas = cells.flat().filter((cell) => FORMULA_START.test(cell)).length;
          if (formulas > 0) expect(read.summary.errors).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

/** The set as an export writes it: spec column order, formatTableRow, params.json. */
function exportFiles(set: TArbitraryInputSet): Record<string, string> {
  const files: Record<string, string> = { 'params.json': JSON.stringify(set.params) };
  for (const table of DATA_TABLES) {
    files[TABLE_SPECS[table].file] = [
      formatCsvHeader(table),
      ...set.tables[table].map((row) => formatTableRow(table, row)),
    ].join('\n');
  }
  return files;
}
