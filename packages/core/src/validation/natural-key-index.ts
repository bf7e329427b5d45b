import { createNumberMap, type TNumberMap } from './number-map';

const MIN_CAPACITY = 1 << 12;
const MAX_INITIAL_CAPACITY = 1 << 22;

function capacityFor(expectedKeys: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity < expectedKeys * 2 && capacity < MAX_INITIAL_CAPACITY) capacity *= 2;
  return capacity;
}

/** Ids stay below 2^26 so that a pair (tuple id, value id) packs exactly into one double. */
const ID_LIMIT = 2 ** 26;
const TOO_MANY_KEYS = 'A table with more than 2^26 distinct keys cannot be checked for duplicates.';

export type TNaturalKeyIndex = {
  /**
   * Records a row's natural key. Returns undefined the first time a key is seen;
   * for a repeat, the line of its first row (null when that row had no line).
   */
  add: (values: readonly (string | null | undefined)[], line: number | null) => number | null | undefined;
};

/**
 * The set of natural keys seen in a table, for duplicate detection. Each key
 * column's text is interned to a small id; the tuple is built pairwise (tuple
 * so far, next value id) through number maps, the last of which holds the line
 * of each key's first row. Only numbers are kept per row, never key strings.
 */
export function createNaturalKeyIndex(keyIndexes: readonly number[], expectedKeys = 0): TNaturalKeyIndex {
  const valueIds = keyIndexes.map(() => new Map<string, number>());
  const prefixTuples: TNumberMap[] = keyIndexes.slice(2).map(() => createNumberMap());
  // Sized up front when the file size tells roughly how many rows come: growing rehashes everything.
  const firstLines = createNumberMap(capacityFor(expectedKeys));
  const last = keyIndexes.length - 1;

  function internValue(column: number, text: string): number {
    const ids = valueIds[column]!;
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      if (id >= ID_LIMIT) throw new Error(TOO_MANY_KEYS);
      ids.set(text, id);
    }
    return id;
  }

  return {
    add(values, line) {
      let tuple = 0;
      for (let k = 0; k < keyIndexes.length; k++) {
        const text = values[keyIndexes[k]!];
        if (typeof text !== 'string') return undefined;
        const value = internValue(k, text);
        if (k === 0 && last > 0) {
          tuple = value;
        } else if (k < last) {
          const tuples = prefixTuples[k - 1]!;
          const size = tuples.size();
          if (size >= ID_LIMIT) throw new Error(TOO_MANY_KEYS);
          const known = tuples.insertIfAbsent(tuple * ID_LIMIT + value, size);
          tuple = known === -1 ? size : known;
        } else {
          const firstLine = firstLines.insertIfAbsent(tuple * ID_LIMIT + value, line ?? 0);
          if (firstLine === -1) return undefined;
          return firstLine === 0 ? null : firstLine;
        }
      }
      return undefined;
    },
  };
}
