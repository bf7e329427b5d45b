import { lazy, Suspense, useRef } from 'react';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { useT } from '../../../i18n/i18n-context';
import { INPUT_SET_COLUMN_COUNT as COLUMN_COUNT, InputSetRow } from './input-set-row';

/**
 * Up to this many input sets, and when no more pages are to come, the table renders every
 * row; a couple of hundred rows render in one go without a hitch. Beyond it only the rows
 * on screen are rendered, by TanStack Virtual, whose chunk loads only then: most lists
 * never need it, and the list page is usable without it (docs/performance.md, Browser).
 */
const ALL_ROWS_MAX = 200;

const InputSetVirtualRows = lazy(() =>
  import('./input-set-virtual-rows').then((module) => ({ default: module.InputSetVirtualRows })),
);

type TInputSetTableProps = {
  items: readonly TInputSetSummary[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
};

/** The list as a real table (sticky header, row and column semantics). */
export function InputSetTable({
  items,
  total,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
}: TInputSetTableProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rendersEveryRow = items.length <= ALL_ROWS_MAX && !hasNextPage;

  return (
    <div
      className="table-scroll table-scroll--page"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={t('list.tableLabel')}
    >
      <table className="table table--list" aria-rowcount={total + 1}>
        <caption className="visually-hidden">{t('list.tableLabel')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-label">
              {t('list.col.label')}
            </th>
            <th scope="col" className="col-status">
              {t('list.col.status')}
            </th>
            <th scope="col" className="col-revision num">
              {t('list.col.revision')}
            </th>
            <th scope="col" className="col-version">
              {t('list.col.versionId')}
            </th>
            <th scope="col" className="col-counts">
              {t('list.col.rows')}
            </th>
            <th scope="col" className="col-updated">
              {t('list.col.updated')}
            </th>
            <th scope="col" className="col-approved">
              {t('list.col.approvedBy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rendersEveryRow ? (
            <EveryRow items={items} />
          ) : (
            // While the virtualizer's chunk loads, the first rows show as they would without it.
            <Suspense fallback={<EveryRow items={items.slice(0, ALL_ROWS_MAX)} />}>
              <InputSetVirtualRows
                items={items}
                scrollRef={scrollRef}
                hasNextPage={hasNextPage}
                isFetchingNextPage={isFetchingNextPage}
                onLoadMore={onLoadMore}
              />
            </Suspense>
          )}
        </tbody>
      </table>
      {isFetchingNextPage ? (
        <p className="table-footer muted" role="status">
          {t('list.loadingMore')}
        </p>
      ) : null}
    </div>
  );
}

function EveryRow({ items }: { items: readonly TInputSetSummary[] }) {
  return items.map((item, index) => <InputSetRow key={item.id} item={item} index={index} />);
}

/** Placeholder rows with the table's shape while the first page loads. */
export function InputSetTableSkeleton() {
  const t = useT();
  return (
    <div className="table-scroll" role="status" aria-live="polite">
      <span className="visually-hidden">{t('list.loading')}</span>
      <table className="table table--list" aria-hidden="true">
        <tbody>
          {Array.from({ length: 8 }, (_, row) => (
            <tr key={row}>
              {Array.from({ length: COLUMN_COUNT }, (_, cell) => (
                <td key={cell}>
                  <span className="skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
