import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../../../i18n/i18n-context';
import { LoadingState } from '../../../components/ui/state-views';
import { useLabelRevisions } from '../api/list-label-revisions';
import { detailTabHref } from '../detail-tab';
import { findDraft, type TDetailTab } from '../waiting-draft';

type TOpenWaitingDraftProps = { label: string; tab: TDetailTab; children: ReactNode };

/**
 * The runbook's `{label}/review` and `{label}/diff` (see opensWaitingDraft): the same tab of
 * `{label}@draft` when the label has a draft, otherwise `children` (the ready revision).
 */
export function OpenWaitingDraft({ label, tab, children }: TOpenWaitingDraftProps) {
  const t = useT();
  const { search } = useLocation();
  // Read afresh on every visit: a draft approved a moment ago must not send the reviewer back to it.
  const revisions = useLabelRevisions(label, { refetchOnMount: 'always' });

  if (!revisions.isFetchedAfterMount) {
    return (
      <>
        <h1 id="input-set-title">{label}</h1>
        <LoadingState label={t('detail.loading')} />
      </>
    );
  }
  // Unreadable revisions (an error) leave the URL as it is: the ready revision, or its not-found page.
  const draft = revisions.data ? findDraft(revisions.data) : undefined;
  if (draft) return <Navigate replace to={`${detailTabHref(tab, `${label}@draft`)}${search}`} />;
  return children;
}
