import { useEffect, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TDiffJobState } from '@planning-hub/contracts/api/diff';
import { useThrottledValue } from '../../../lib/use-throttled-value';

/** Pages on screen are asked for once the view has rested this long (or at this rate while scrolling). */
const FETCH_THROTTLE_MS = 150;

/** The page offsets on screen that have settled long enough to be fetched. */
export function useFetchableOffsets(offsets: readonly number[]): ReadonlySet<number> {
  const settledKey = useThrottledValue(offsets.join(','), FETCH_THROTTLE_MS);
  return useMemo(() => new Set(settledKey ? settledKey.split(',').map(Number) : []), [settledKey]);
}

type TPageQuery<TRow> = UseQueryResult<{ state: 'done'; rows: readonly TRow[] } | TDiffJobState>;

/**
 * The rows of the pages loaded so far: `rowAt` gives a row, or undefined while its page
 * loads; a page that comes back as a job calls `onStale` (the cache went stale); `failed`
 * is the first page that could not be read.
 */
export function useLoadedRows<TRow>(
  grid: { pageOffsets: readonly number[]; pageOf: (rowIndex: number) => number },
  pages: readonly TPageQuery<TRow>[],
  onStale: () => void,
) {
  const rowsByPage = new Map<number, readonly TRow[]>();
  let isStale = false;
  grid.pageOffsets.forEach((offset, index) => {
    const data = pages[index]?.data;
    if (data?.state === 'done') rowsByPage.set(offset, data.rows);
    else if (data) isStale = true;
  });
  const failed = pages.find((page) => page.isError);

  useEffect(() => {
    if (isStale) onStale();
  }, [isStale, onStale]);

  function rowAt(rowIndex: number): TRow | undefined {
    const pageOffset = grid.pageOf(rowIndex);
    return rowsByPage.get(pageOffset)?.[rowIndex - pageOffset];
  }

  return { rowAt, failed };
}
