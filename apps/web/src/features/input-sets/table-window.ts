/**
 * The table viewer scrolls through a window of rows and fetches them in pages.
 * A window keeps the scroll height sane (a million 30px rows would be taller than
 * browsers allow an element to be); pages keep each request small.
 */
export const WINDOW_ROWS = 10_000;
export const PAGE_ROWS = 200;

/** First row (0-based) of the window holding `rowIndex`. */
export function windowStartFor(rowIndex: number): number {
  return Math.floor(Math.max(0, rowIndex) / WINDOW_ROWS) * WINDOW_ROWS;
}

/** Rows in the window that starts at `windowStart`. */
export function windowSize(windowStart: number, total: number): number {
  return Math.max(0, Math.min(WINDOW_ROWS, total - windowStart));
}

/** Offsets of the pages covering rows `first..last` (absolute, inclusive). */
export function pageOffsetsFor(first: number, last: number): number[] {
  if (last < first) return [];
  const offsets: number[] = [];
  for (let offset = Math.floor(first / PAGE_ROWS) * PAGE_ROWS; offset <= last; offset += PAGE_ROWS) {
    offsets.push(offset);
  }
  return offsets;
}

/** The page offset holding an absolute row. */
export function pageOffsetOf(rowIndex: number): number {
  return Math.floor(rowIndex / PAGE_ROWS) * PAGE_ROWS;
}
