import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../config/paths';
import { useHasRole } from '../../../lib/auth/get-session';
import { useT, useTc } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { EmptyState } from '../../../components/ui/state-views';
import { useInputSets, type TInputSetFilters } from '../api/list-input-sets';
import { InputSetTable, InputSetTableSkeleton } from '../components/input-set-table';
import { ListFilters } from '../components/list-filters';
import { readListFilters, writeListFilters } from '../list-query';

export function InputSetsPage() {
  const t = useT();
  const tc = useTc();
  const canUpload = useHasRole('planner');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readListFilters(searchParams);
  const query = useInputSets(filters);
  const hasFilters = Boolean(filters.status || filters.search);

  // Merged into the current URL, so a debounced search never undoes a status picked meanwhile.
  const setFilters = useCallback(
    (patch: Partial<TInputSetFilters>) =>
      setSearchParams((current) => writeListFilters({ ...readListFilters(current), ...patch }), {
        replace: true,
        preventScrollReset: true,
      }),
    [setSearchParams],
  );
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <section className="stack" aria-labelledby="input-sets-title">
      <title>{`${t('list.title')} · ${t('app.name')}`}</title>
      <div className="page-header">
        <div>
          <h1 id="input-sets-title">{t('list.title')}</h1>
          <p className="muted">{t('list.intro')}</p>
        </div>
        {canUpload ? (
          <Link to={paths.upload.getHref()} className="btn btn--primary">
            {t('list.uploadButton')}
          </Link>
        ) : null}
      </div>

      <ListFilters filters={filters} onChange={setFilters} />

      <p className="result-count" role="status" aria-live="polite">
        {query.isSuccess ? tc('list.count', total) : ''}
        {query.isFetching && !query.isFetchingNextPage && query.isSuccess ? ` · ${t('list.refreshing')}` : ''}
      </p>

      {query.isPending ? (
        <InputSetTableSkeleton />
      ) : query.isError ? (
        <ProblemAlert error={query.error} title={t('list.error')} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        hasFilters ? (
          <EmptyState title={t('list.emptyFiltered.title')}>
            <p>{t('list.emptyFiltered.body')}</p>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => setFilters({ status: undefined, search: undefined })}
            >
              {t('list.emptyFiltered.clear')}
            </button>
          </EmptyState>
        ) : (
          <EmptyState title={t('list.empty.title')}>
            <p>{t('list.empty.body')}</p>
            <pre className="command">
              <code>pnpm planning import -i &lt;dir&gt; --version-id &lt;id&gt; --label &lt;label&gt;</code>
            </pre>
            {canUpload ? (
              <Link to={paths.upload.getHref()} className="btn btn--primary">
                {t('list.uploadButton')}
              </Link>
            ) : null}
          </EmptyState>
        )
      ) : (
        <InputSetTable
          items={items}
          total={total}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
    </section>
  );
}
