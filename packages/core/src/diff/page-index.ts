/**
 * Row files of a cached diff are NDJSON; the manifest keeps the byte offset of
 * every PAGE_STRIDE-th line, so a page is read by seeking, never by loading the file.
 */
export const PAGE_STRIDE = 1000;

/** Records line offsets while lines are appended; `offsets[i]` is where line i * stride starts. */
export function createPageIndex(stride = PAGE_STRIDE) {
  const offsets: number[] = [];
  let lines = 0;
  let bytes = 0;
  return {
    /** Call before writing a line of `byteLength` bytes (newline included). */
    add(byteLength: number): void {
      if (lines % stride === 0) offsets.push(bytes);
      lines += 1;
      bytes += byteLength;
    },
    get lines() {
      return lines;
    },
    get offsets(): number[] {
      return offsets;
    },
  };
}

/** Where reading must start for the line at `offset`: the byte position and how many lines to skip from there. */
export function locateLine(
  offsets: readonly number[],
  offset: number,
  stride = PAGE_STRIDE,
): { start: number; skip: number } {
  const page = Math.min(Math.floor(offset / stride), Math.max(0, offsets.length - 1));
  return { start: offsets[page] ?? 0, skip: offset - page * stride };
}
