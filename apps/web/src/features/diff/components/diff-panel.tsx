import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { TDiffResult } from '@planning-hub/contracts/api/diff';
import type { TInputSetDetail, TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { formatCount, formatJst, shortHash } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { EmptyState, LoadingState } from '../../../components/ui/state-views';
import { ApiError } from '../../../lib/api-client';
import { diffQueryOptions, useDiff, useRetryDiff, type TDiffRequest } from '../api/get-diff';
import { diffViewOf, type TDiffView } from '../diff-rules';
import { AgainstPicker } from './against-picker';
import { DiffCells } from './diff-cells';
import { DiffJobFailed, DiffJobProgress } from './diff-job-status';
import { WhatMoved } from './what-moved';
import './diff.css';

type TDiffPanelProps = {
  inputSet: TInputSetDetail;
  /** The label's revisions, for the "compare with" choice; undefined while they load. */
  revisions: readonly TInputSetSummary[] | undefined;
};

/** Parameters of one view that the other does not read, dropped when the other side changes. */
const VIEW_PARAMS = [
  'view',
  'table',
  'kind',
  'key',
  'match',
  'key_column',
  'column',
  'min',
  'sort',
  'measure',
  'by',
  'tolerance',
];

/**
 * The Diff tab (docs/design.md section 6): `?against=` picks the other side; without it the
 * server picks (a draft: the ready revision; any other revision: the one before it) and its
 * answer says which. It opens on "What moved" (the totals of the quantity columns and the
 * top movers); `?view=cells` shows the changed cells, `?table=&kind=` which ones.
 */
export function DiffPanel({ inputSet, revisions }: TDiffPanelProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const fromUrl = searchParams.get('against');
  const request: TDiffRequest = {
    ref: inputSet.ref,
    against: fromUrl ?? undefined,
    contentHash: inputSet.contentHash,
  };
  const diff = useDiff(request);
  const shownAgainst = fromUrl ?? diff.data?.against ?? '';

  function handleAgainstChange(ref: string) {
    const params = new URLSearchParams(searchParams);
    // The server's own choice, once seen, stays out of the URL: a plain link for the common case.
    const serverChoice = queryClient.getQueryData(
      diffQueryOptions({ ...request, against: undefined }).queryKey,
    )?.against;
    if (ref === serverChoice) params.delete('against');
    else params.set('against', ref);
    for (const name of VIEW_PARAMS) if (name !== 'view' && name !== 'tolerance') params.delete(name);
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  return (
    <section className="card stack diff" aria-labelledby="diff-title">
      <div className="section-header">
        <div className="stack-xs">
          <h2 id="diff-title">{t('tab.diff')}</h2>
          <p className="muted">{t('diff.intro')}</p>
        </div>
        <AgainstPicker
          currentId={inputSet.id}
          value={shownAgainst}
          revisions={revisions}
          onChange={handleAgainstChange}
        />
      </div>
      <DiffResultView request={request} diff={diff} />
    </section>
  );
}

function DiffResultView({ request, diff }: { request: TDiffRequest; diff: ReturnType<typeof useDiff> }) {
  const t = useT();
  const retry = useRetryDiff(request);
  const { refetch } = diff;
  const refresh = useCallback(() => void refetch(), [refetch]);

  if (diff.isPending) return <LoadingState label={t('diff.loading')} />;
  if (diff.isError) {
    // The server found nothing to compare with (a first revision): not a failure, a state of the label.
    if (
      diff.error instanceof ApiError &&
      diff.error.problem.messageCode === 'error.diff.nothing_to_compare'
    ) {
      return (
        <EmptyState title={t('diff.nothingToCompare.title')}>
          <p>{t('diff.nothingToCompare.body', { ref: request.ref })}</p>
        </EmptyState>
      );
    }
    return <ProblemAlert error={diff.error} title={t('diff.error')} onRetry={refresh} />;
  }
  const answer = diff.data;
  if (answer.state !== 'done') {
    return answer.state === 'failed' ? (
      <DiffJobFailed
        job={answer}
        onRetry={() => retry.mutate()}
        isRetrying={retry.isPending}
        retryError={retry.isError ? retry.error : null}
      />
    ) : (
      <DiffJobProgress job={answer} />
    );
  }
  // The views ask for the pair this answer compared (result.against), so that they read the same diff.
  return <DiffDone result={answer} onStale={refresh} />;
}

function DiffDone({ result, onStale }: { result: TDiffResult; onStale: () => void }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { totals } = result;
  const hasDifferences = !result.identical && totals.added + totals.removed + totals.changed > 0;
  const view = diffViewOf(searchParams);

  return (
    <div className="stack">
      <p className="diff-sides">
        {t('diff.comparing')} <code className="ref">{result.ref}</code>{' '}
        <span className="muted num">
          r{result.refRevision} · {shortHash(result.refHash)}
        </span>{' '}
        {t('diff.with')} <code className="ref">{result.against}</code>{' '}
        <span className="muted num">
          r{result.againstRevision} · {shortHash(result.againstHash)}
        </span>
        <span className="muted"> · {t('diff.computedAt', { time: formatJst(result.computedAt) })}</span>
      </p>
      {!hasDifferences ? (
        <div className="state state--empty state--success" role="status">
          <p className="state-title">{t('diff.none.title')}</p>
          <p>
            {t(result.identical ? 'diff.none.identical' : 'diff.none.sameRows', {
              ref: result.ref,
              against: result.against,
            })}
          </p>
        </div>
      ) : (
        <>
          <p className="diff-totals" role="status">
            <span className="total-chip total-chip--added">
              {t('diff.totals.added', { count: formatCount(totals.added) })}
            </span>
            <span className="total-chip total-chip--removed">
              {t('diff.totals.removed', { count: formatCount(totals.removed) })}
            </span>
            <span className="total-chip total-chip--changed">
              {t('diff.totals.changed', { count: formatCount(totals.changed) })}
            </span>
            <span className="total-chip">
              {t('diff.totals.unchanged', { count: formatCount(totals.unchanged) })}
            </span>
          </p>
          <DiffViewSwitch view={view} />
          {view === 'moved' ? (
            <WhatMoved result={result} onStale={onStale} />
          ) : (
            <DiffCells result={result} onStale={onStale} />
          )}
        </>
      )}
    </div>
  );
}

/** "What moved" and "Cell diff": two links of the same page, so that either view can be shared. */
function DiffViewSwitch({ view }: { view: TDiffView }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const hrefOf = (target: TDiffView) => {
    const params = new URLSearchParams(searchParams);
    if (target === 'moved') params.delete('view');
    else params.set('view', 'cells');
    const text = params.toString();
    return text ? `?${text}` : '?';
  };
  return (
    <nav aria-label={t('diff.view.label')}>
      <ul className="diff-views">
        {(['moved', 'cells'] as const).map((target) => (
          <li key={target}>
            <Link
              to={hrefOf(target)}
              replace
              preventScrollReset
              className="tab diff-view-link"
              aria-current={view === target ? 'page' : undefined}
            >
              {t(target === 'moved' ? 'diff.view.moved' : 'diff.view.cells')}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
