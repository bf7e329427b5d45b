import { Suspense } from 'react';
import { Link, Outlet, useMatch } from 'react-router';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { LoadingState } from '../../../components/ui/state-views';
import { TabNav } from '../../../components/ui/tab-nav';
import { useInputSet } from '../api/get-input-set';
import { InputSetHeader } from '../components/input-set-header';
import { useRefParam, type TInputSetOutletContext } from '../ref-param';

export function InputSetDetailLayout() {
  const t = useT();
  const ref = useRefParam();
  const parsed = parseInputSetRef(ref);

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
      {parsed ? (
        <InputSetDetail inputSetRef={ref} label={parsed.label} isReadyRef={parsed.kind === 'ready'} />
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

type TInputSetDetailProps = { inputSetRef: string; label: string; isReadyRef: boolean };

function InputSetDetail({ inputSetRef: ref, label, isReadyRef }: TInputSetDetailProps) {
  const t = useT();
  const query = useInputSet(ref);
  const isHistoryTab = useMatch(`${paths.inputSet.path}/${paths.inputSetHistory.path}`) !== null;

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
    // The API's hint names `foo@draft` when only a draft exists (DESIGN section 4): offer it as a link.
    const canOpenDraft = isNotFound && isReadyRef && Boolean(problem?.hint?.includes(draftRef));
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
            {canOpenDraft ? <Link to={paths.inputSetHistory.getHref(draftRef)}>{t('detail.notFound.openDraft', { ref: draftRef })}</Link> : null}
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
          onRetry={isNotFound ? undefined : () => void query.refetch()}
        >
          {canOpenDraft ? (
            <p>
              <Link to={paths.inputSet.getHref(draftRef)} className="btn btn--secondary">
                {t('detail.notFound.openDraft', { ref: draftRef })}
              </Link>
            </p>
          ) : null}
        </ProblemAlert>
        <p>
          <Link to={paths.inputSets.getHref({ search: label })}>{t('detail.notFound.searchList', { label })}</Link>
        </p>
      </>
    );
  }

  const inputSet = query.data;
  const context: TInputSetOutletContext = { label, inputSet };
  return (
    <>
      <InputSetHeader inputSet={inputSet} />
      <TabNav
        label={t('detail.tabs')}
        tabs={[
          { to: paths.inputSet.getHref(ref), label: t('tab.overview'), end: true },
          { to: paths.inputSetDiff.getHref(ref), label: t('tab.diff') },
          { to: paths.inputSetReview.getHref(ref), label: t('tab.review') },
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
