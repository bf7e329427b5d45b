/**
 * A virtualised grid scrolls through a window of rows and fetches them in pages.
 * A window keeps the scroll height sane (a million 30px rows would be taller than
 * browsers allow an element to be); pages keep each request small.
 */

/** First row (0-based) of the window of `windowRows` rows holding `rowIndex`. */
export function windowStartFor(rowIndex: number, windowRows: number): number {
  return Math.floor(Math.max(0, rowIndex) / windowRows) * windowRows;
}

/** Rows in the window that starts at `windowStart`. */
export function windowSize(windowStart: number, total: number, windowRows: number): number {
  return Math.max(0, Math.min(windowRows, total - windowStart));
}

/** Offsets of the pages of `pageRows` rows covering rows `first..last` (absolute, inclusive). */
export function pageOffsetsFor(first: number, last: number, pageRows: number): number[] {
  if (last < first) return [];
  const offsets: number[] = [];
  for (let offset = Math.floor(first / pageRows) * pageRows; offset <= last; offset += pageRows) {
    offsets.push(offset);
  }
  return offsets;
}

/** The offset of the page of `pageRows` rows holding an absolute row. */
export function pageOffsetOf(rowIndex: number, pageRows: number): number {
  return Math.floor(rowIndex / pageRows) * pageRows;
}
