/**
 * A small least-recently-used memo bounded by an estimate of bytes held. Diff
 * computations live in folders of their own that never change once committed
 * (`<label>__<against>/<computation id>/`), so anything derived from their files can be
 * kept under the file's path as long as memory allows; a recompute writes a new folder.
 */
export function createMemo<T>({ maxBytes, sizeOf }: { maxBytes: number; sizeOf: (value: T) => number }) {
  const entries = new Map<string, { value: Promise<T>; bytes: number }>();
  let heldBytes = 0;

  function evict(): void {
    for (const [key, entry] of entries) {
      if (heldBytes <= maxBytes || entries.size <= 1) return;
      entries.delete(key);
      heldBytes -= entry.bytes;
    }
  }

  /** The value under `key`, loading it once (concurrent callers share the load; a failed load is forgotten). */
  function get(key: string, load: () => Promise<T>): Promise<T> {
    const found = entries.get(key);
    if (found) {
      entries.delete(key);
      entries.set(key, found);
      return found.value;
    }
    const entry = { value: load(), bytes: 0 };
    entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (entries.get(key) !== entry) return;
        entry.bytes = sizeOf(value);
        heldBytes += entry.bytes;
        evict();
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry.value;
  }

  return { get };
}
