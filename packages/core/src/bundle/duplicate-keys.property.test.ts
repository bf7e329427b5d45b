import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8 } from '../canonical/compare-utf8';
import { EXAMPLES_DIR, collectBundle, sourcesOf } from '../../test/bundle-fixtures';

const SAMPLE = path.join(EXAMPLES_DIR, 'sample-bundle');
const SAMPLE_FILES = Object.fromEntries(
  readdirSync(SAMPLE).map((name) => [name, readFileSync(path.join(SAMPLE, name))] as const),
);
const ITEMS = ['0123', 'A', 'B', '部品-001', '部品-002'];
const LOCATIONS = ['東京DC', '0042'];
const PERIODS = ['2027-W01', '2027-W03'];

type TKey = [number, number, number];

function keyText([item, location, period]: TKey): string {
  return `${ITEMS[item]},${LOCATIONS[location]},${PERIODS[period]}`;
}

/** What any correct check reports: for each repeat, its line and the line of the key's first row. */
function expectedDuplicates(keys: TKey[]): { row: number; firstLine: number }[] {
  const firstLines = new Map<string, number>();
  const duplicates: { row: number; firstLine: number }[] = [];
  keys.forEach((key, i) => {
    const line = i + 2;
    const first = firstLines.get(keyText(key));
    if (first === undefined) firstLines.set(keyText(key), line);
    else duplicates.push({ row: line, firstLine: first });
  });
  return duplicates;
}

const compareKeys = (a: TKey, b: TKey) =>
  compareUtf8(ITEMS[a[0]]!, ITEMS[b[0]]!) ||
  compareUtf8(LOCATIONS[a[1]]!, LOCATIONS[b[1]]!) ||
  compareUtf8(PERIODS[a[2]]!, PERIODS[b[2]]!);

describe('duplicate natural keys', () => {
  it('are found with the line of their first row, rows in key order or not, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(4), fc.nat(1), fc.nat(1)), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('as generated', 'sorted', 'sorted then one out of order'),
        fc.integer({ min: 5, max: 300 }),
        async (generated, order, chunkSize) => {
          const keys = generated as TKey[];
          if (order !== 'as generated') keys.sort(compareKeys);
          if (order === 'sorted then one out of order' && keys.length > 2) keys.push(keys[0]!, keys[1]!);
          const demand = [
            'item_code,location_code,period,quantity,uom',
            ...keys.map((k) => `${keyText(k)},1,個`),
          ];
          const result = await collectBundle(
            sourcesOf({ ...SAMPLE_FILES, 'demand.csv': `${demand.join('\n')}\n` }, chunkSize),
          );
          const duplicates = result.problems
            .filter((p) => p.code === 'duplicate_key')
            .map((p) => ({ row: p.row, firstLine: Number(/of line (\d+)/.exec(p.message)?.[1]) }));
          expect(duplicates).toEqual(expectedDuplicates(keys));
          const distinct = new Set(keys.map(keyText)).size;
          expect(result.rowCounts.demand).toBe(distinct);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});
