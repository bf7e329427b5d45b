import { useT, useTc } from '../../../i18n/i18n-context';
import { DownloadIcon } from '../../../components/ui/download-icon';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { EmptyState, LoadingState } from '../../../components/ui/state-views';
import { useDownloadEvents } from '../api/download-events';
import { useLabelEvents } from '../api/list-events';
import { ChainBadge } from './chain-badge';
import { HistoryTable } from './history-table';

/**
 * The History tab (docs/runbook.ja.md section 4): every audit event of the label across its
 * revisions, newest first, 100 at a time. Operators screenshot this table as
 * history.png (`planning evidence`), so it stays plain and complete.
 */
export function HistoryPanel({ label }: { label: string }) {
  const t = useT();
  const tc = useTc();
  const events = useLabelEvents(label);
  const download = useDownloadEvents();
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <section className="card stack history" aria-labelledby="history-title">
      <div className="section-header">
        <div className="stack-xs">
          <h2 id="history-title">{t('tab.history')}</h2>
          <p className="muted">{t('history.intro', { label })}</p>
        </div>
        <div className="section-tools">
          <ChainBadge label={label} />
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => download.mutate({ label })}
            disabled={download.isPending}
          >
            <DownloadIcon />
            {download.isPending ? t('history.downloading') : t('history.download')}
          </button>
        </div>
      </div>

      {download.isError ? <ProblemAlert error={download.error} title={t('history.downloadFailed')} /> : null}

      {events.isPending ? (
        <LoadingState label={t('history.loading')} />
      ) : !events.data ? (
        <ProblemAlert error={events.error} title={t('history.error')} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('history.empty.title')}>
          <p>{t('history.empty.body')}</p>
          <pre className="command">
            <code>{`pnpm planning events backfill --label ${label} --comment "<reason>"`}</code>
          </pre>
        </EmptyState>
      ) : (
        <>
          <HistoryTable events={rows} label={label} />
          <div className="row history-footer">
            <span className="muted num" role="status">
              {events.hasNextPage
                ? tc('history.shownMore', rows.length)
                : tc('history.shownAll', rows.length)}
            </span>
            {events.hasNextPage ? (
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void events.fetchNextPage()}
                disabled={events.isFetchingNextPage}
              >
                {events.isFetchingNextPage ? t('history.loadingMore') : t('history.loadMore')}
              </button>
            ) : null}
          </div>
          {events.isFetchNextPageError ? (
            <ProblemAlert
              error={events.error}
              title={t('history.error')}
              onRetry={() => void events.fetchNextPage()}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
