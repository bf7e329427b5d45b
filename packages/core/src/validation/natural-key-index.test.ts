import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNaturalKeyIndex } from './natural-key-index';
import { createNumberMap } from './number-map';

describe('natural key index', () => {
  it('returns the line of the first row with the same key', () => {
    const index = createNaturalKeyIndex([0, 2]);
    expect(index.add(['A', 'x', '2027-W01'], 2)).toBeUndefined();
    expect(index.add(['A', 'y', '2027-W02'], 3)).toBeUndefined();
    expect(index.add(['A', 'z', '2027-W01'], 4)).toBe(2);
    expect(index.add(['A', 'z', '2027-W01'], null)).toBe(2);
    expect(index.add(['B', 'z', undefined], 5)).toBeUndefined();
  });

  it('does not confuse keys whose joined text is the same', () => {
    const index = createNaturalKeyIndex([0, 1]);
    expect(index.add(['a-b', 'c'], 2)).toBeUndefined();
    expect(index.add(['a', 'b-c'], 3)).toBeUndefined();
  });

  it('finds exactly the repeated keys of any list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), fc.nat(5))),
        (rows) => {
          const index = createNaturalKeyIndex([0, 1, 2]);
          const seen = new Map<string, number>();
          rows.forEach(([a, b, c], i) => {
            const key = JSON.stringify([a, b, c]);
            expect(index.add([a, b, String(c)], i + 2)).toBe(seen.get(key));
            if (!seen.has(key)) seen.set(key, i + 2);
          });
        },
      ),
    );
  });

  it('keeps the values of large integer keys while growing', () => {
    const map = createNumberMap(4);
    const keys = Array.from({ length: 5000 }, (_, i) => i * 2 ** 26 + (i % 7));
    keys.forEach((key, i) => expect(map.insertIfAbsent(key, i)).toBe(-1));
    keys.forEach((key, i) => expect(map.insertIfAbsent(key, 0)).toBe(i));
    expect(map.size()).toBe(5000);
  });

  it('works for single-column keys', () => {
    const index = createNaturalKeyIndex([0]);
    expect(index.add(['2027-01-04'], 2)).toBeUndefined();
    expect(index.add(['2027-01-05'], 3)).toBeUndefined();
    expect(index.add(['2027-01-04'], 9)).toBe(2);
  });
});
