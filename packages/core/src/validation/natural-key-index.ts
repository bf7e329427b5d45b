import { createNumberIdMap, type TNumberIdMap } from './number-id-map';

/** Ids stay below 2^26 so that a pair (tuple id, value id) packs exactly into one double. */
const ID_LIMIT = 2 ** 26;

export type TNaturalKeyIndex = {
  /**
   * Records a row's natural key. Returns undefined the first time a key is seen;
   * for a repeat, the line of its first row (null when that row had no line).
   */
  add: (values: readonly (string | null | undefined)[], line: number | null) => number | null | undefined;
};

/**
 * The set of natural keys seen in a table, for duplicate detection. Each key
 * column's text is interned to a small id, and the tuple is built pairwise
 * (tuple-so-far id, next value id) through number maps, so only numbers are kept
 * per row, never the key strings. Supports tables below 2^26 (67 million) rows.
 */
export function createNaturalKeyIndex(keyIndexes: readonly number[]): TNaturalKeyIndex {
  const valueIds = keyIndexes.map(() => new Map<string, number>());
  const tupleIds: TNumberIdMap[] = keyIndexes.slice(1).map(() => createNumberIdMap());
  const firstLines: number[] = [];

  function internValue(column: number, text: string): number {
    const ids = valueIds[column]!;
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      if (id >= ID_LIMIT) throw new Error('A table with more than 2^26 distinct keys cannot be checked for duplicates.');
      ids.set(text, id);
    }
    return id;
  }

  return {
    add(values, line) {
      let tuple = 0;
      let size = 0;
      for (let k = 0; k < keyIndexes.length; k++) {
        const text = values[keyIndexes[k]!];
        if (typeof text !== 'string') return undefined;
        if (k === 0) {
          size = valueIds[0]!.size;
          tuple = internValue(0, text);
        } else {
          const pairs = tupleIds[k - 1]!;
          const value = internValue(k, text);
          size = pairs.size();
          if (size >= ID_LIMIT) throw new Error('A table with more than 2^26 distinct keys cannot be checked for duplicates.');
          tuple = pairs.idOf(tuple * ID_LIMIT + value);
        }
      }
      if (tuple === size) {
        firstLines.push(line ?? 0);
        return undefined;
      }
      const firstLine = firstLines[tuple]!;
      return firstLine === 0 ? null : firstLine;
    },
  };
}
