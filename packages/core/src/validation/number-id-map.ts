/**
 * Assigns dense ids (0, 1, 2, ...) to non-negative integer keys below 2^53, in an
 * open-addressing table over typed arrays: a million natural keys cost ~24 MB and
 * no garbage, where a Map of strings costs hundreds of MB and seconds of GC.
 */
export type TNumberIdMap = {
  /** The id of `key`, assigning the next id when `key` is new (check `size` to tell). */
  idOf: (key: number) => number;
  size: () => number;
};

const EMPTY = -1;
const TWO_TO_32 = 4294967296;

export function createNumberIdMap(initialCapacity = 1024): TNumberIdMap {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity *= 2;
  let keys = new Float64Array(capacity).fill(EMPTY);
  let ids = new Int32Array(capacity);
  let mask = capacity - 1;
  let count = 0;

  function slotOf(key: number, tableKeys: Float64Array, tableMask: number): number {
    const low = key % TWO_TO_32 | 0;
    const high = (key / TWO_TO_32) | 0;
    // murmur3's finaliser: every key bit reaches the low bits the mask keeps.
    let hash = low ^ Math.imul(high, 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    let slot = (hash ^ (hash >>> 16)) & tableMask;
    while (tableKeys[slot] !== EMPTY && tableKeys[slot] !== key) slot = (slot + 1) & tableMask;
    return slot;
  }

  function grow(): void {
    const oldKeys = keys;
    const oldIds = ids;
    capacity *= 2;
    mask = capacity - 1;
    keys = new Float64Array(capacity).fill(EMPTY);
    ids = new Int32Array(capacity);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === EMPTY) continue;
      const slot = slotOf(key, keys, mask);
      keys[slot] = key;
      ids[slot] = oldIds[i]!;
    }
  }

  return {
    idOf(key) {
      const slot = slotOf(key, keys, mask);
      if (keys[slot] === key) return ids[slot]!;
      keys[slot] = key;
      ids[slot] = count;
      count++;
      if (count * 2 > capacity) grow();
      return count - 1;
    },
    size: () => count,
  };
}
