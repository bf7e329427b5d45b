import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TRow } from '@planning-hub/contracts/tables';
import { canonicalRowLine } from './canonical-row-line';
import { createContentHasher, hashTables } from './content-hash';

const demand: TRow[] = [
  { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: '100.5', uom: '個' },
  { item_code: '0123', location_code: '東京DC', period: '2027-W01', quantity: '7', uom: null },
  { item_code: 'A', location_code: 'B', period: '2027-W02', quantity: '0', uom: 'pcs' },
  { item_code: '\uff71', location_code: 'B', period: '2027-W02', quantity: '1', uom: null },
  { item_code: '\u{20b9f}', location_code: 'B', period: '2027-W02', quantity: '2', uom: null },
];

describe('canonicalRowLine', () => {
  it('writes a row as a JSON array of its cells in spec column order', () => {
    expect(canonicalRowLine('demand', demand[0]!)).toBe('["部品-001","東京DC","2027-W01","100.5","個"]');
  });

  it('applies the canonical form to what the database returns (NUMERIC, BOOLEAN, JSONB)', () => {
    expect(canonicalRowLine('demand', { ...demand[0]!, quantity: '100.50' })).toBe(
      canonicalRowLine('demand', demand[0]!),
    );
    expect(
      canonicalRowLine('calendar', { date: '2027-01-04', period: '2027-W01', working: 't', hours: '8.0' }),
    ).toBe('["2027-01-04","2027-W01","true","8"]');
    expect(canonicalRowLine('params', { key: 'notes', value: '{"b": [1, 2], "a": "x"}' })).toBe(
      '["notes","{\\"a\\":\\"x\\",\\"b\\":[1,2]}"]',
    );
  });

  it('cannot be confused by separators inside cells', () => {
    const a = canonicalRowLine('mix', {
      resource_code: 'a","b',
      item_code: 'c',
      share: '1',
      units_per_hour: '1',
    });
    const b = canonicalRowLine('mix', {
      resource_code: 'a',
      item_code: 'b","c',
      share: '1',
      units_per_hour: '1',
    });
    expect(a).not.toBe(b);
  });
});

describe('content hash', () => {
  it('is a sha256 hex digest, also of an empty input set', () => {
    expect(hashTables({})).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTables({ demand: [] })).toBe(hashTables({}));
  });

  it('hashes 100.50 like 100.5', () => {
    const padded = demand.map((row) => ({
      ...row,
      quantity: `${row.quantity}${row.quantity!.includes('.') ? '0' : '.00'}`,
    }));
    expect(hashTables({ demand: padded })).toBe(hashTables({ demand }));
  });

  it('changes when one cell changes, and keeps leading zeros significant', () => {
    expect(hashTables({ demand: [{ ...demand[1]!, item_code: '123' }] })).not.toBe(
      hashTables({ demand: [demand[1]!] }),
    );
    expect(hashTables({ demand: [{ ...demand[1]!, uom: '' }] })).not.toBe(
      hashTables({ demand: [demand[1]!] }),
    );
  });

  it('copies into an independent hasher: rows fed to one do not reach the other', () => {
    const sorted = [...demand].sort((a, b) =>
      Buffer.compare(Buffer.from(a.item_code!), Buffer.from(b.item_code!)),
    );
    const inventory = { item_code: 'A', location_code: 'B', on_hand: '1', safety_stock: '0' };
    const hasher = createContentHasher();
    hasher.update('demand', sorted[0]!);
    const kept = hasher.copy();
    hasher.update('demand', { ...sorted[1]!, quantity: '999' }); // fed, then given up
    for (const row of sorted.slice(1)) kept.update('demand', row);
    kept.update('inventory', inventory);
    expect(kept.digest()).toBe(hashTables({ demand, inventory: [inventory] }));
    expect(hasher.digest()).toBe(hashTables({ demand: [sorted[0]!, { ...sorted[1]!, quantity: '999' }] }));
    // The copy keeps the order check: a row before the last one fed still throws.
    const again = createContentHasher();
    again.update('demand', sorted[1]!);
    expect(() => again.copy().update('demand', sorted[0]!)).toThrow(/ascending/);
  });

  it('tells apart the same rows in different tables', () => {
    const row = { item_code: 'A', location_code: 'B', on_hand: '1', safety_stock: '0' };
    expect(hashTables({ inventory: [row] })).not.toBe(hashTables({ inventory: [], demand: [] }));
  });

  it('is the same whatever order the rows come in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(demand, { minLength: demand.length, maxLength: demand.length }),
        (shuffled) => {
          expect(hashTables({ demand: shuffled })).toBe(hashTables({ demand }));
        },
      ),
    );
  });

  it('is invariant under shuffling for any set of rows', () => {
    const rowArbitrary = fc.record({
      item_code: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      location_code: fc.constantFrom('東京DC', 'OSAKA', '0042'),
      period: fc.constantFrom('2027-W01', '2027-W02'),
      quantity: fc.nat().map(String),
      uom: fc.option(fc.constantFrom('個', 'pcs'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArbitrary, {
          selector: (r) => `${r.item_code}\u0000${r.location_code}\u0000${r.period}`,
          maxLength: 40,
        }),
        fc.infiniteStream(fc.nat()),
        (rows, randoms) => {
          const shuffled = [...rows];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randoms.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(hashTables({ demand: shuffled })).toBe(hashTables({ demand: rows }));
        },
      ),
    );
  });

  it('streams to the same hash as hashing in memory when fed in key order', () => {
    const hasher = createContentHasher();
    const sorted = [...demand].sort((a, b) =>
      Buffer.compare(Buffer.from(a.item_code!), Buffer.from(b.item_code!)),
    );
    for (const row of sorted) hasher.update('demand', row);
    hasher.update('params', { key: 'horizon_periods', value: '8' });
    expect(hasher.digest()).toBe(hashTables({ demand, params: [{ key: 'horizon_periods', value: '8' }] }));
  });

  it('refuses rows out of natural key order and tables out of order', () => {
    const hasher = createContentHasher();
    hasher.update('demand', demand[2]!);
    expect(() => hasher.update('demand', demand[1]!)).toThrow(/ascending natural key order/);
    const tables = createContentHasher();
    tables.update('capacity', { resource_code: 'R1', period: '2027-W01', available_hours: '1' });
    expect(() => tables.update('demand', demand[0]!)).toThrow(/TABLE_NAMES order/);
  });
});
