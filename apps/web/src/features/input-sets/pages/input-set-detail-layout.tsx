import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { LoadingState } from '../../../components/ui/state-views';
import { TabNav } from '../../../components/ui/tab-nav';
import { useInputSet } from '../api/get-input-set';
import { useLabelRevisions } from '../api/list-label-revisions';
import { InputSetHeader } from '../components/input-set-header';
import { OpenWaitingDraft } from '../components/open-waiting-draft';
import { WaitingDraftBanner } from '../components/waiting-draft-banner';
import { useDetailTab } from '../detail-tab';
import { useRefParam, type TInputSetOutletContext } from '../ref-param';
import { findWaitingDraft, opensWaitingDraft, revisionTabRef, type TDetailTab } from '../waiting-draft';

export function InputSetDetailLayout() {
  const t = useT();
  const ref = useRefParam();
  const parsed = parseInputSetRef(ref);
  const tab = useDetailTab();

  return (
    <section className="stack" aria-labelledby="input-set-title">
      <title>{`${ref} · ${t('app.name')}`}</title>
      <nav aria-label={t('detail.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.inputSets.getHref()}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">
            <code>{ref}</code>
          </li>
        </ol>
      </nav>
      {parsed && opensWaitingDraft(parsed, tab) ? (
        <OpenWaitingDraft label={parsed.label} tab={tab}>
          <InputSetDetail inputSetRef={ref} label={parsed.label} isReadyRef tab={tab} />
        </OpenWaitingDraft>
      ) : parsed ? (
        <InputSetDetail
          inputSetRef={ref}
          label={parsed.label}
          isReadyRef={parsed.kind === 'ready'}
          tab={tab}
        />
      ) : (
        <>
          <h1 id="input-set-title">{t('detail.invalidRef.title')}</h1>
          <div className="alert alert--error" role="alert">
            <div className="alert-body">
              <p className="alert-detail">{t('detail.invalidRef.body', { ref })}</p>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

type TInputSetDetailProps = { inputSetRef: string; label: string; isReadyRef: boolean; tab: TDetailTab };

function InputSetDetail({ inputSetRef: ref, label, isReadyRef, tab }: TInputSetDetailProps) {
  const t = useT();
  const query = useInputSet(ref);
  // Only a ready revision's pages point to a waiting draft.
  const revisions = useLabelRevisions(label, { enabled: query.data?.status === 'ready' });
  const isHistoryTab = tab === 'history';

  if (query.isPending) {
    return (
      <>
        <h1 id="input-set-title">{ref}</h1>
        <LoadingState label={t('detail.loading')} />
      </>
    );
  }
  if (query.isError) {
    const problem = isApiError(query.error) ? query.error.problem : null;
    const isNotFound = problem?.status === 404;
    const draftRef = `${label}@draft`;
    // The API's hint names `foo@draft` when only a draft exists (docs/design.md section 4): offer it as a link.
    const canOpenDraft = isNotFound && isReadyRef && Boolean(problem?.hint?.includes(draftRef));
    const notFoundHint = canOpenDraft
      ? t('detail.notFound.hintDraft', { draft: draftRef })
      : t('detail.notFound.hint');
    if (isNotFound && isReadyRef && isHistoryTab) {
      // A label's events outlive its ready revision (after a revert, say): the History tab still shows them.
      const context: TInputSetOutletContext = { label, inputSet: null };
      return (
        <>
          <div className="detail-header">
            <div className="detail-title">
              <h1 id="input-set-title">{label}</h1>
            </div>
          </div>
          <p className="alert alert--info" role="note">
            {t('detail.noReady.history', { label })}{' '}
            {canOpenDraft ? (
              <Link to={paths.inputSetHistory.getHref(draftRef)}>
                {t('detail.notFound.openDraft', { ref: draftRef })}
              </Link>
            ) : null}
          </p>
          <div className="tab-panel">
            <Suspense fallback={<LoadingState />}>
              <Outlet context={context} />
            </Suspense>
          </div>
        </>
      );
    }
    return (
      <>
        <h1 id="input-set-title">{isNotFound ? t('detail.notFound.title') : ref}</h1>
        <ProblemAlert
          error={query.error}
          detail={isNotFound ? t('detail.notFound.detail', { ref }) : undefined}
          hint={isNotFound ? notFoundHint : undefined}
          onRetry={isNotFound ? undefined : () => void query.refetch()}
        >
          {canOpenDraft ? (
            <p>
              {/* Straight to where the runbook approves it (section 3). */}
              <Link to={paths.inputSetReview.getHref(draftRef)} className="btn btn--secondary">
                {t('detail.notFound.reviewDraft', { ref: draftRef })}
              </Link>
            </p>
          ) : null}
        </ProblemAlert>
        <p>
          <Link to={paths.inputSets.getHref({ search: label })}>
            {t('detail.notFound.searchList', { label })}
          </Link>
        </p>
      </>
    );
  }

  const inputSet = query.data;
  const context: TInputSetOutletContext = { label, inputSet };
  const waitingDraft = revisions.data ? findWaitingDraft(inputSet, revisions.data) : undefined;
  const tabRef = revisionTabRef({ ref, label, shown: inputSet, hasWaitingDraft: waitingDraft !== undefined });
  return (
    <>
      <InputSetHeader inputSet={inputSet} />
      {waitingDraft ? <WaitingDraftBanner label={label} revision={waitingDraft.revision} /> : null}
      <TabNav
        label={t('detail.tabs')}
        tabs={[
          { to: paths.inputSet.getHref(ref), label: t('tab.overview'), end: true },
          { to: paths.inputSetDiff.getHref(tabRef), label: t('tab.diff') },
          { to: paths.inputSetReview.getHref(tabRef), label: t('tab.review') },
          { to: paths.inputSetHistory.getHref(ref), label: t('tab.history') },
        ]}
      />
      <div className="tab-panel">
        <Suspense fallback={<LoadingState />}>
          {/* Keyed by reference: after a review moves the revision to a new reference, every tab starts afresh. */}
          <Outlet key={ref} context={context} />
        </Suspense>
      </div>
    </>
  );
}
