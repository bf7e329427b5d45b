import { compareUtf8 } from '../canonical/compare-utf8';
import { createNaturalKeyIndex, type TNaturalKeyIndex } from './natural-key-index';

/** What `add` answers when a key comes before the previous one: replay the earlier keys, then add again. */
export const OUT_OF_ORDER = Symbol('out-of-order');

type TKeyValues = readonly (string | null | undefined)[];

export type TDuplicateKeyCheck = {
  /**
   * Records a row's natural key (rows whose key has a missing value are ignored).
   * Returns undefined for a new key; for a repeat, the line of its first row
   * (null when that row had no line); OUT_OF_ORDER the first time a key sorts
   * before its predecessor while keys were being tracked in order.
   */
  add: (values: TKeyValues, line: number | null) => number | null | undefined | typeof OUT_OF_ORDER;
  /** After OUT_OF_ORDER: records the key of a row that came before the out-of-order one. */
  replay: (values: TKeyValues, line: number | null) => void;
};

/**
 * Duplicate natural keys, found in constant memory while the rows come in
 * natural key order (UTF-8 bytes per key column, as exports and most extracts
 * are written): a repeat can then only follow its first row. At the first row
 * out of order the check switches to an index of every key. The caller then
 * reads the earlier rows again into it with `replay` (the file is re-readable),
 * and adds the out-of-order row again. `trackOrder: false` (rows held in memory,
 * e.g. params) starts with the index.
 */
export function createDuplicateKeyCheck(
  keyIndexes: readonly number[],
  options: { expectedRows?: number; trackOrder: boolean },
): TDuplicateKeyCheck {
  let index: TNaturalKeyIndex | null = options.trackOrder
    ? null
    : createNaturalKeyIndex(keyIndexes, options.expectedRows);
  let previousKey: string[] | null = null;
  let previousFirstLine: number | null = null;

  function compareToPrevious(values: TKeyValues): number {
    if (previousKey === null) return 1;
    for (let k = 0; k < keyIndexes.length; k++) {
      const order = compareUtf8(values[keyIndexes[k]!] as string, previousKey[k]!);
      if (order !== 0) return order;
    }
    return 0;
  }

  return {
    add(values, line) {
      if (index) return index.add(values, line);
      for (const k of keyIndexes) if (typeof values[k] !== 'string') return undefined;
      const order = compareToPrevious(values);
      if (order === 0) return previousFirstLine;
      if (order < 0) {
        index = createNaturalKeyIndex(keyIndexes, options.expectedRows);
        previousKey = null;
        return OUT_OF_ORDER;
      }
      previousKey = keyIndexes.map((k) => values[k] as string);
      previousFirstLine = line;
      return undefined;
    },
    replay(values, line) {
      if (!index) throw new Error('replay is only for keys before an out-of-order row.');
      index.add(values, line);
    },
  };
}
