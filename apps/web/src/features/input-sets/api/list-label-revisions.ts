import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { queryKeyRoots } from '../../../lib/query-keys';
import { listInputSets } from './list-input-sets';

/** A label never has more revisions than this in practice; the list API caps a page at 1,000. */
const REVISIONS_LIMIT = 1000;

/**
 * Every revision of one label, newest first. The list's `search` matches substrings
 * (`weekly` finds `weekly_refresh`), so the answer is narrowed to the exact label.
 */
export async function listLabelRevisions({
  label,
  signal,
}: {
  label: string;
  signal?: AbortSignal;
}): Promise<TInputSetSummary[]> {
  const page = await listInputSets({ search: label, offset: 0, limit: REVISIONS_LIMIT, signal });
  return page.items.filter((item) => item.label === label).sort((a, b) => b.revision - a.revision);
}

export function labelRevisionsQueryOptions(label: string) {
  return queryOptions({
    queryKey: [...queryKeyRoots.inputSets, 'revisions', label],
    queryFn: ({ signal }) => listLabelRevisions({ label, signal }),
  });
}

/**
 * The revisions of `label` (ready, draft, archived): the Review tab asks whether a draft exists,
 * the Diff tab offers them, a ready revision's pages point to a waiting draft.
 * `refetchOnMount: 'always'` reads them afresh even when the cache holds them.
 */
export function useLabelRevisions(
  label: string,
  options: { enabled?: boolean; refetchOnMount?: 'always' } = {},
) {
  return useQuery({ ...labelRevisionsQueryOptions(label), ...options });
}
