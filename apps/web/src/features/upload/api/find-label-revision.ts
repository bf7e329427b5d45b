import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  ZListInputSetsResponse,
  type TInputSetStatus,
  type TInputSetSummary,
} from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

/** A label has at most one draft and one ready revision; `search` also finds longer labels containing it. */
const SEARCH_LIMIT = 50;

type TLabelStatus = Extract<TInputSetStatus, 'draft' | 'ready'>;

/**
 * The draft or the ready revision of `label`, or null: GET API.inputSets?search=<label>&status=<status>,
 * narrowed to the exact label (the search matches substrings).
 */
export async function findLabelRevision({
  label,
  status,
  signal,
}: {
  label: string;
  status: TLabelStatus;
  signal?: AbortSignal;
}): Promise<TInputSetSummary | null> {
  const page = await apiRequest(API.inputSets, {
    query: { search: label, status, limit: SEARCH_LIMIT, offset: 0 },
    schema: ZListInputSetsResponse,
    signal,
  });
  return page.items.find((item) => item.label === label && item.status === status) ?? null;
}

/** Under the input sets' root: an upload or a review refreshes it. */
export function labelRevisionQueryOptions(label: string, status: TLabelStatus) {
  return queryOptions({
    queryKey: [...queryKeyRoots.inputSets, 'upload', label, status],
    queryFn: ({ signal }) => findLabelRevision({ label, status, signal }),
  });
}

/** The draft an upload to `label` would replace (the upload page warns before replacing it). */
export function useLabelRevision(
  label: string,
  status: TLabelStatus,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...labelRevisionQueryOptions(label, status), enabled: enabled && label !== '' });
}
