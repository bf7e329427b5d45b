import { describe, expect, it } from 'vitest';
import { pageOffsetOf, pageOffsetsFor, windowSize, windowStartFor, WINDOW_ROWS } from './table-window';

describe('table windows', () => {
  it('finds the window of a row', () => {
    expect(windowStartFor(0)).toBe(0);
    expect(windowStartFor(WINDOW_ROWS - 1)).toBe(0);
    expect(windowStartFor(WINDOW_ROWS)).toBe(WINDOW_ROWS);
    expect(windowStartFor(999_999)).toBe(990_000);
  });

  it('sizes the last window of a million rows', () => {
    expect(windowSize(990_000, 1_000_000)).toBe(10_000);
    expect(windowSize(990_000, 995_123)).toBe(5_123);
    expect(windowSize(0, 0)).toBe(0);
  });
});

describe('row pages', () => {
  it('covers a visible range with 200-row pages', () => {
    expect(pageOffsetsFor(150, 420)).toEqual([0, 200, 400]);
    expect(pageOffsetsFor(200, 399)).toEqual([200]);
  });

  it('asks for nothing when nothing is visible', () => {
    expect(pageOffsetsFor(5, 4)).toEqual([]);
  });

  it('maps a row to its page', () => {
    expect(pageOffsetOf(0)).toBe(0);
    expect(pageOffsetOf(399)).toBe(200);
    expect(pageOffsetOf(999_999)).toBe(999_800);
  });
});
