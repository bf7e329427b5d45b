import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { TDiffKind, TDiffResult } from '@planning-hub/contracts/api/diff';
import type { TInputSetDetail, TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import type { TTableName } from '@planning-hub/contracts/tables';
import { formatCount, formatJst, shortHash } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { EmptyState, LoadingState } from '../../../components/ui/state-views';
import { useDiff, useRetryDiff, type TDiffRequest } from '../api/get-diff';
import { chooseAgainst, firstSelection, isDiffKind, isTableName } from '../diff-rules';
import { AgainstPicker } from './against-picker';
import { DiffJobFailed, DiffJobProgress } from './diff-job-status';
import { DiffRows } from './diff-rows';
import { DiffSummaryTable } from './diff-summary-table';

type TDiffPanelProps = {
  inputSet: TInputSetDetail;
  /** The label's revisions, for the "compare with" choice; undefined while they load. */
  revisions: readonly TInputSetSummary[] | undefined;
};

/**
 * The Diff tab (DESIGN section 6): `?against=` picks the other side (default: the
 * ready revision), `?table=&kind=` the rows shown below the per-table counts.
 */
export function DiffPanel({ inputSet, revisions }: TDiffPanelProps) {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const choice = chooseAgainst(inputSet, searchParams.get('against'), revisions);
  const ready = revisions?.find((revision) => revision.status === 'ready' && revision.id !== inputSet.id);
  const shownAgainst = choice.kind === 'ref' ? choice.ref : choice.kind === 'default' ? (ready?.ref ?? inputSet.label) : '';

  function handleAgainstChange(ref: string) {
    const params = new URLSearchParams(searchParams);
    // The ready revision is the default: the URL stays short for the common case.
    if (inputSet.status !== 'ready' && ref === ready?.ref) params.delete('against');
    else params.set('against', ref);
    params.delete('table');
    params.delete('kind');
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  return (
    <section className="card stack diff" aria-labelledby="diff-title">
      <div className="section-header">
        <div className="stack-xs">
          <h2 id="diff-title">{t('tab.diff')}</h2>
          <p className="muted">{t('diff.intro')}</p>
        </div>
        <AgainstPicker currentId={inputSet.id} value={shownAgainst} revisions={revisions} onChange={handleAgainstChange} />
      </div>
      {choice.kind === 'loading' ? (
        <LoadingState label={t('diff.loadingRevisions')} />
      ) : choice.kind === 'none' ? (
        <EmptyState title={t('diff.nothingToCompare.title')}>
          <p>{t('diff.nothingToCompare.body', { ref: inputSet.ref })}</p>
        </EmptyState>
      ) : (
        <DiffResultView request={{ ref: inputSet.ref, against: choice.kind === 'ref' ? choice.ref : undefined, contentHash: inputSet.contentHash }} />
      )}
    </section>
  );
}

function DiffResultView({ request }: { request: TDiffRequest }) {
  const t = useT();
  const diff = useDiff(request);
  const retry = useRetryDiff(request);
  const { refetch } = diff;
  const refresh = useCallback(() => void refetch(), [refetch]);

  if (diff.isPending) return <LoadingState label={t('diff.loading')} />;
  if (diff.isError) return <ProblemAlert error={diff.error} title={t('diff.error')} onRetry={refresh} />;
  const answer = diff.data;
  if (answer.state !== 'done') {
    return answer.state === 'failed' ? (
      <DiffJobFailed job={answer} onRetry={() => retry.mutate()} isRetrying={retry.isPending} retryError={retry.isError ? retry.error : null} />
    ) : (
      <DiffJobProgress job={answer} />
    );
  }
  return <DiffDone result={answer} against={request.against} onStale={refresh} />;
}

function DiffDone({ result, against, onStale }: { result: TDiffResult; against: string | undefined; onStale: () => void }) {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const { totals } = result;
  const hasDifferences = !result.identical && totals.added + totals.removed + totals.changed > 0;

  const urlTable = searchParams.get('table');
  const urlKind = searchParams.get('kind');
  const fromUrl = isTableName(urlTable) && isDiffKind(urlKind) ? { table: urlTable, kind: urlKind } : null;
  const urlEntry = fromUrl ? result.summary.find((entry) => entry.table === fromUrl.table) : undefined;
  const selection = fromUrl && urlEntry && urlEntry[fromUrl.kind] > 0 ? fromUrl : firstSelection(result.summary);
  const selectedEntry = selection ? result.summary.find((entry) => entry.table === selection.table) : undefined;

  function handleSelect(table: TTableName, kind: TDiffKind) {
    const params = new URLSearchParams(searchParams);
    params.set('table', table);
    params.set('kind', kind);
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  return (
    <div className="stack">
      <p className="diff-sides">
        {t('diff.comparing')} <code className="ref">{result.ref}</code> <span className="muted num">r{result.refRevision} · {shortHash(result.refHash)}</span>{' '}
        {t('diff.with')} <code className="ref">{result.against}</code>{' '}
        <span className="muted num">r{result.againstRevision} · {shortHash(result.againstHash)}</span>
        <span className="muted"> · {t('diff.computedAt', { time: formatJst(result.computedAt) })}</span>
      </p>
      {!hasDifferences ? (
        <div className="state state--empty state--success" role="status">
          <p className="state-title">{t('diff.none.title')}</p>
          <p>{t(result.identical ? 'diff.none.identical' : 'diff.none.sameRows', { ref: result.ref, against: result.against })}</p>
        </div>
      ) : (
        <>
          <p className="diff-totals" role="status">
            <span className="total-chip total-chip--added">{t('diff.totals.added', { count: formatCount(totals.added) })}</span>
            <span className="total-chip total-chip--removed">{t('diff.totals.removed', { count: formatCount(totals.removed) })}</span>
            <span className="total-chip total-chip--changed">{t('diff.totals.changed', { count: formatCount(totals.changed) })}</span>
            <span className="total-chip">{t('diff.totals.unchanged', { count: formatCount(totals.unchanged) })}</span>
          </p>
          <DiffSummaryTable summary={result.summary} selection={selection} onSelect={handleSelect} />
          {selection && selectedEntry ? (
            <section className="stack-s" aria-labelledby="diff-rows-title">
              <h3 id="diff-rows-title">
                {t('diff.rows.title', { kind: t(`diff.kind.${selection.kind}`), table: selection.table })}{' '}
                <span className="muted num">({formatCount(selectedEntry[selection.kind])})</span>
              </h3>
              <DiffRows
                key={`${selection.table}|${selection.kind}|${result.refHash}|${result.againstHash}`}
                request={{ ref: result.ref, against, refHash: result.refHash, againstHash: result.againstHash }}
                table={selection.table}
                kind={selection.kind}
                total={selectedEntry[selection.kind]}
                changedColumns={selectedEntry.changedColumns}
                onStale={onStale}
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
