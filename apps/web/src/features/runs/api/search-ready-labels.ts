import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ZListInputSetsResponse, type TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

/** Options the label picker shows at most. */
export const READY_LABEL_OPTIONS = 20;

/**
 * Ready revisions whose label or version id contains `search` (a label has at most one):
 * GET API.inputSets?status=ready&search=…, what a run can be started on.
 */
export async function searchReadyLabels({
  search,
  signal,
}: {
  search: string;
  signal?: AbortSignal;
}): Promise<TInputSetSummary[]> {
  const page = await apiRequest(API.inputSets, {
    query: { status: 'ready', search: search.trim() || undefined, limit: READY_LABEL_OPTIONS, offset: 0 },
    schema: ZListInputSetsResponse,
    signal,
  });
  return page.items.filter((item) => item.status === 'ready');
}

/** Under the input sets' root: an approval or a revert refreshes it. */
export function readyLabelsQueryOptions(search: string) {
  return queryOptions({
    queryKey: [...queryKeyRoots.inputSets, 'ready-labels', search.trim()],
    queryFn: ({ signal }) => searchReadyLabels({ search, signal }),
    // Typing keeps the previous options on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useReadyLabels(search: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...readyLabelsQueryOptions(search), enabled });
}
