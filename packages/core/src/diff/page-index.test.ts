import { describe, expect, it } from 'vitest';
import { createPageIndex, locateLine } from './page-index';

describe('page index', () => {
  it('records the byte offset of every stride-th line', () => {
    const index = createPageIndex(2);
    for (const length of [10, 20, 30, 40, 50]) index.add(length);
    expect(index.lines).toBe(5);
    expect(index.offsets).toEqual([0, 30, 100]);
  });

  it('locates a line by seeking to its page and skipping the rest', () => {
    const offsets = [0, 30, 100];
    expect(locateLine(offsets, 0, 2)).toEqual({ start: 0, skip: 0 });
    expect(locateLine(offsets, 1, 2)).toEqual({ start: 0, skip: 1 });
    expect(locateLine(offsets, 3, 2)).toEqual({ start: 30, skip: 1 });
    expect(locateLine(offsets, 4, 2)).toEqual({ start: 100, skip: 0 });
  });

  it('starts from the last page for an offset past the end (the read then finds nothing)', () => {
    expect(locateLine([0, 30], 9, 2)).toEqual({ start: 30, skip: 7 });
    expect(locateLine([], 5, 2)).toEqual({ start: 0, skip: 5 });
  });
});
