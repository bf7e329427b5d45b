import type { TDiffResponse, TDiffTableSummary, TDiffTotals } from '@planning-hub/contracts/api/diff';
import type { TMessageKey, TPluralKey } from '../../i18n/en';
import type { TVars } from '../../i18n/translate';

/**
 * What approving a draft changes, as far as it is known (docs/design.md section 6: the diff
 * against the ready revision runs as a background job):
 * - `first`: the label has no ready revision, the draft will be its first;
 * - `loading`: the label's revisions or the first answer are on their way;
 * - `comparing`: the diff job is queued or running (202);
 * - `failed`: the job failed, or the request did;
 * - `done`: counts per table against the ready revision `againstRef`.
 */
export type TApprovalImpact =
  | { kind: 'first' }
  | { kind: 'loading' }
  | { kind: 'comparing' }
  | { kind: 'failed' }
  | {
      kind: 'done';
      againstRef: string;
      againstRevision: number;
      identical: boolean;
      tables: readonly TDiffTableSummary[];
      totals: TDiffTotals;
    };

/** The diff query as the page holds it. */
export type TDiffQueryState = { isPending: boolean; isError: boolean; data: TDiffResponse | undefined };

/** The impact of approving, from whether the label has a ready revision (null: unknown yet) and the diff query. */
export function toApprovalImpact(hasReady: boolean | null, diff: TDiffQueryState): TApprovalImpact {
  if (hasReady === false) return { kind: 'first' };
  if (hasReady === null) return { kind: 'loading' };
  if (diff.isError) return { kind: 'failed' };
  const answer = diff.data;
  if (diff.isPending || !answer) return { kind: 'loading' };
  if (answer.state === 'failed') return { kind: 'failed' };
  if (answer.state !== 'done') return { kind: 'comparing' };
  return {
    kind: 'done',
    againstRef: answer.against,
    againstRevision: answer.againstRevision,
    identical: answer.identical,
    tables: answer.summary,
    totals: answer.totals,
  };
}

/** Rows that approving changes: added, removed and changed together. */
export function changedRowCount(totals: TDiffTotals): number {
  return totals.added + totals.removed + totals.changed;
}

export type TApprovalFacts = {
  label: string;
  revision: number;
  versionId: string;
  contentHash: string;
  /** The ready revision that approving archives; null while not known (impact `first`: there is none). */
  archivedRevision: number | null;
  impact: TApprovalImpact;
};

type TTranslators = {
  t: (key: TMessageKey, vars?: TVars) => string;
  tc: (key: TPluralKey, count: number, vars?: TVars) => string;
};

/** The first 12 hex digits identify a content hash to a person. */
const SHORT_HASH_LENGTH = 12;

/**
 * The confirmation's one sentence: "weekly_refresh r4 (version 2026-W49, content hash
 * 1a2b3c4d5e6f…) becomes ready; r3 is archived; 53,901 changed rows."
 */
export function approvalSentence(facts: TApprovalFacts, { t, tc }: TTranslators): string {
  const parts = [
    t('review.confirm.becomesReady', {
      label: facts.label,
      revision: `r${facts.revision}`,
      versionId: facts.versionId,
      hash: facts.contentHash.slice(0, SHORT_HASH_LENGTH),
    }),
  ];
  const { impact, archivedRevision } = facts;
  if (impact.kind === 'first') {
    parts.push(t('review.confirm.first'));
  } else {
    parts.push(
      archivedRevision === null
        ? t('review.confirm.archivedReady')
        : t('review.confirm.archived', { revision: `r${archivedRevision}` }),
    );
    if (impact.kind === 'done') {
      const count = changedRowCount(impact.totals);
      parts.push(count === 0 ? t('review.confirm.noChange') : tc('review.confirm.changed', count));
    } else {
      parts.push(t('review.confirm.notCompared'));
    }
  }
  return `${parts.join(t('review.confirm.join'))}${t('review.confirm.end')}`;
}
