import { describe, expect, it } from 'vitest';
import { pageOffsetOf, pageOffsetsFor, windowSize, windowStartFor } from './row-windows';

const WINDOW_ROWS = 10_000;
const PAGE_ROWS = 200;

describe('row windows', () => {
  it('finds the window of a row', () => {
    expect(windowStartFor(0, WINDOW_ROWS)).toBe(0);
    expect(windowStartFor(WINDOW_ROWS - 1, WINDOW_ROWS)).toBe(0);
    expect(windowStartFor(WINDOW_ROWS, WINDOW_ROWS)).toBe(WINDOW_ROWS);
    expect(windowStartFor(999_999, WINDOW_ROWS)).toBe(990_000);
  });

  it('sizes the last window of a million rows', () => {
    expect(windowSize(990_000, 1_000_000, WINDOW_ROWS)).toBe(10_000);
    expect(windowSize(990_000, 995_123, WINDOW_ROWS)).toBe(5_123);
    expect(windowSize(0, 0, WINDOW_ROWS)).toBe(0);
  });
});

describe('row pages', () => {
  it('covers a visible range with 200-row pages', () => {
    expect(pageOffsetsFor(150, 420, PAGE_ROWS)).toEqual([0, 200, 400]);
    expect(pageOffsetsFor(200, 399, PAGE_ROWS)).toEqual([200]);
    expect(pageOffsetsFor(0, 10, PAGE_ROWS)).toEqual([0]);
    expect(pageOffsetsFor(190, 210, PAGE_ROWS)).toEqual([0, 200]);
  });

  it('asks for nothing when nothing is visible', () => {
    expect(pageOffsetsFor(5, 4, PAGE_ROWS)).toEqual([]);
  });

  it('maps a row to its page', () => {
    expect(pageOffsetOf(0, PAGE_ROWS)).toBe(0);
    expect(pageOffsetOf(399, PAGE_ROWS)).toBe(200);
    expect(pageOffsetOf(999_999, PAGE_ROWS)).toBe(999_800);
  });
});
