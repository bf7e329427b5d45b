import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  ZListInputSetsResponse,
  type TInputSetStatus,
  type TInputSetSummary,
} from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';

/** `search` matches substrings: a few longer labels may come along with the exact one. */
const SEARCH_LIMIT = 50;

/**
 * Whether a run on `label` would read input data (docs/design.md section 7):
 * - `ready`: it reads this ready revision;
 * - `draftOnly`: only a draft exists, which a run never reads (Missing InputSet): approve it first;
 * - `unknown`: no ready revision and no draft (an archived label, a typo).
 */
export type TLabelReadiness =
  | { kind: 'ready'; revision: TInputSetSummary }
  | { kind: 'draftOnly'; draft: TInputSetSummary }
  | { kind: 'unknown' };

async function findRevision(
  label: string,
  status: TInputSetStatus,
  signal?: AbortSignal,
): Promise<TInputSetSummary | null> {
  const page = await apiRequest(API.inputSets, {
    query: { status, search: label, limit: SEARCH_LIMIT, offset: 0 },
    schema: ZListInputSetsResponse,
    signal,
  });
  return page.items.find((item) => item.label === label && item.status === status) ?? null;
}

/** GET API.inputSets?status=ready&search=<label>, then (no ready revision) status=draft. */
export async function getLabelReadiness({
  label,
  signal,
}: {
  label: string;
  signal?: AbortSignal;
}): Promise<TLabelReadiness> {
  const ready = await findRevision(label, 'ready', signal);
  if (ready) return { kind: 'ready', revision: ready };
  const draft = await findRevision(label, 'draft', signal);
  return draft ? { kind: 'draftOnly', draft } : { kind: 'unknown' };
}

/** Under the input sets' root: an approval turns `draftOnly` into `ready`. */
export function labelReadinessQueryOptions(label: string) {
  return queryOptions({
    queryKey: [...queryKeyRoots.inputSets, 'readiness', label],
    queryFn: ({ signal }) => getLabelReadiness({ label, signal }),
  });
}

export function useLabelReadiness(label: string) {
  return useQuery({ ...labelReadinessQueryOptions(label), enabled: label !== '' });
}
