import { useQueries, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { TRowFilterState } from '../diff-rules';

/** What every page of a diff view (the rows of one table, or "All changes") is asked with. */
export type TDiffPageRequest = {
  ref: string;
  against: string | undefined;
  /** Key value, column, |Δ| and order: applied by the server. */
  filters: TRowFilterState;
  limit: number;
  /** Not sent: the two content hashes make a page cacheable for good. */
  refHash: string;
  againstHash: string;
};

/**
 * A page's query key and cache times. `scope` is what the view narrows to (table, kind);
 * keyed by both content hashes, a page never goes stale.
 */
export function diffPageCache(
  view: 'rows' | 'changes',
  scope: readonly unknown[],
  { ref, against, filters, offset, limit, refHash, againstHash }: TDiffPageRequest & { offset: number },
) {
  return {
    queryKey: ['diff', ref, against ?? null, view, refHash, againstHash, ...scope, filters, offset, limit],
    staleTime: Infinity,
    gcTime: 2 * 60_000,
  };
}

/**
 * The pages at `offsets`. Pages not in `fetchable` are read from the cache only:
 * a fast scroll past thousands of rows does not ask for every page it flies over.
 */
export function useDiffPages<TAnswer, TKey extends QueryKey>(
  offsets: readonly number[],
  fetchable: ReadonlySet<number>,
  pageOptions: (offset: number) => UseQueryOptions<TAnswer, Error, TAnswer, TKey>,
): UseQueryResult<TAnswer, Error>[] {
  return useQueries({
    queries: offsets.map((offset) => ({ ...pageOptions(offset), enabled: fetchable.has(offset) })),
  });
}
