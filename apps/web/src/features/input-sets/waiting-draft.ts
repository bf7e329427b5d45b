import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import type { TInputSetRef } from '@planning-hub/contracts/labels';

/** The tabs of an input set's page. */
export type TDetailTab = 'overview' | 'diff' | 'review' | 'history';

type TRevision = Pick<TInputSetSummary, 'id' | 'status' | 'revision'>;

/**
 * Runbook sections 2 and 3: a draft is approved at `/ui/plans/input_sets/{label}/review`
 * and compared at `{label}/diff`. On those two tabs a plain label means its draft when it
 * has one; elsewhere (Overview, History) it means the ready revision, which stays
 * reachable on every tab as `{label}@rN`.
 */
export function opensWaitingDraft(ref: TInputSetRef, tab: TDetailTab): boolean {
  return ref.kind === 'ready' && (tab === 'review' || tab === 'diff');
}

/** The label's draft (a label has at most one), from its revisions. */
export function findDraft<T extends TRevision>(revisions: readonly T[]): T | undefined {
  return revisions.find((revision) => revision.status === 'draft');
}

/**
 * The draft that the page of `shown` points to: only a ready revision's pages do, and
 * never to itself (a list read just before `shown` was approved still calls it the draft).
 */
export function findWaitingDraft<T extends TRevision>(
  shown: TRevision,
  revisions: readonly T[],
): T | undefined {
  if (shown.status !== 'ready') return undefined;
  return revisions.find((revision) => revision.status === 'draft' && revision.id !== shown.id);
}

/**
 * The reference the Diff and Review tabs of the revision on screen link to. Under a plain
 * label those tabs open a waiting draft, so the ready revision's own tabs name it exactly.
 */
export function revisionTabRef({
  ref,
  label,
  shown,
  hasWaitingDraft,
}: {
  ref: string;
  label: string;
  shown: Pick<TRevision, 'revision'>;
  hasWaitingDraft: boolean;
}): string {
  return hasWaitingDraft && ref === label ? `${label}@r${shown.revision}` : ref;
}
