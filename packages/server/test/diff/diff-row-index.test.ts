import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  absDeltaOf,
  loadRowIndex,
  SCALE_INEXACT,
  SCALE_NONE,
  type TKeyDictionary,
  type TRowIndex,
} from '../../src/services/diff/diff-row-index';
import { createRowIndexWriter } from '../../src/services/diff/diff-row-index-writer';
import { matchingRows, orderSelection, type TRowFilters } from '../../src/services/diff/diff-row-select';

let dir: string;
let index: TRowIndex;
let dictionary: TKeyDictionary;

const noFilters: TRowFilters = { match: 'prefix', sort: 'key' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diff-index-'));
  const writer = createRowIndexWriter(dir, 'demand');
  // demand: key item_code, location_code, period; value columns quantity (bit 0), uom (bit 1).
  const rows = [
    { key: ['ITEM-066', 'TOKYO', '2027-01'], mask: 0b01, delta: '-5', old: '10' },
    { key: ['ITEM-067', 'TOKYO', '2027-01'], mask: 0b01, delta: '200.5', old: '100' },
    { key: ['ITEM-067', 'OSAKA', '2027-02'], mask: 0b11, delta: '0.25', old: '1' },
    { key: ['item-0670', 'OSAKA', '2027-02'], mask: 0b10, delta: null, old: null },
    { key: ['ITEM-068', 'OSAKA', '2027-03'], mask: 0b01, delta: '1234567890.123456789', old: '1' },
  ];
  let offset = 0;
  for (const row of rows) {
    writer.add('changed', {
      offset,
      key: row.key,
      mask: row.mask,
      decimals: [{ delta: row.delta, old: row.old }],
    });
    offset += 100;
  }
  dictionary = await writer.finish();
  index = await loadRowIndex(path.join(dir, 'demand.changed.idx'), 'demand', offset);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the row index', () => {
  it('keeps offsets, key ids, change masks and exact mantissas of every row', async () => {
    expect(index.count).toBe(5);
    expect([...index.offsets]).toEqual([0, 100, 200, 300, 400]);
    expect(dictionary).toEqual({
      columns: ['item_code', 'location_code', 'period'],
      values: [
        ['ITEM-066', 'ITEM-067', 'item-0670', 'ITEM-068'],
        ['TOKYO', 'OSAKA'],
        ['2027-01', '2027-02', '2027-03'],
      ],
    });
    expect(JSON.parse(await readFile(path.join(dir, 'demand.keys.json'), 'utf8'))).toEqual(dictionary);
    expect([...index.keyIds[0]!]).toEqual([0, 1, 1, 2, 3]);
    expect([...index.masks]).toEqual([1, 1, 3, 2, 1]);
    const quantity = index.decimals[0]!;
    expect([quantity.delta[1], quantity.deltaScale[1], quantity.old[1], quantity.oldScale[1]]).toEqual([
      2005, 1, 100, 0,
    ]);
    expect(quantity.deltaScale[3]).toBe(SCALE_NONE);
    // Too many digits for a float: the reader takes the exact value from the row.
    expect(quantity.deltaScale[4]).toBe(SCALE_INEXACT);
    expect(absDeltaOf(index, 1, null)).toBe(200.5);
    expect(absDeltaOf(index, 0, 0)).toBe(5);
    expect(absDeltaOf(index, 3, null)).toBe(0);
  });
});

describe('matchingRows', () => {
  const match = (filters: Partial<TRowFilters>) => [
    ...matchingRows(index, dictionary, { ...noFilters, ...filters }, 'changed'),
  ];

  it('finds a key value by prefix in any case, or exactly, in any key column or the one named', () => {
    expect(match({ key: 'ITEM-067' })).toEqual([1, 2, 3]);
    expect(match({ key: 'item-067', match: 'exact' })).toEqual([]);
    expect(match({ key: 'ITEM-067', match: 'exact' })).toEqual([1, 2]);
    expect(match({ key: 'osa' })).toEqual([2, 3, 4]);
    expect(match({ key: 'OSAKA', keyColumn: 'item_code' })).toEqual([]);
    expect(match({ key: '2027-0', keyColumn: 'period' })).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps rows that change a column, and rows whose |Δ| reaches a threshold', () => {
    expect(match({ column: 'uom' })).toEqual([2, 3]);
    expect(match({ column: 'nothing' })).toEqual([]);
    expect(match({ minDelta: '5' })).toEqual([0, 1, 4]);
    expect(match({ minDelta: '0.25', column: 'quantity' })).toEqual([0, 1, 2, 4]);
  });
});

describe('orderSelection', () => {
  it('concatenates sources in key order, or orders every row by |Δ|, largest first, ties in source order', () => {
    const parts = [
      { rows: Uint32Array.from([0, 1]), absDelta: (row: number) => [5, 1][row]! },
      { rows: Uint32Array.from([0, 1, 2]), absDelta: (row: number) => [1, 9, 0][row]! },
    ];
    const byKey = orderSelection(parts, 'key');
    expect([...byKey.source]).toEqual([0, 0, 1, 1, 1]);
    expect([...byKey.row]).toEqual([0, 1, 0, 1, 2]);
    const byDelta = orderSelection(parts, 'abs_delta');
    expect([...byDelta.source].map((s, i) => `${s}:${byDelta.row[i]}`)).toEqual([
      '1:1',
      '0:0',
      '0:1',
      '1:0',
      '1:2',
    ]);
  });
});
