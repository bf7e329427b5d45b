import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { paths } from '../../../config/paths';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { RowCountsInline } from '../../../components/ui/row-counts';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';
import { SpacerRow } from '../../../components/ui/virtual-grid';

const ESTIMATED_ROW_HEIGHT = 64;
const COLUMN_COUNT = 7;
/** Ask for the next page this many rows before the end is on screen. */
const PREFETCH_ROWS = 40;

type TInputSetTableProps = {
  items: readonly TInputSetSummary[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
};

/**
 * The list as a real table (sticky header, row and column semantics), rendering only
 * the rows on screen: a thousand input sets cost as much DOM as twenty.
 */
export function InputSetTable({
  items,
  total,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
}: TInputSetTableProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual re-renders through its own subscription; there is no React Compiler in this build.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, onLoadMore]);

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

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
          <SpacerRow height={paddingTop} columnCount={COLUMN_COUNT} />
          {virtualRows.map((virtualRow) => {
            const item = items[virtualRow.index];
            if (!item) return null;
            return (
              <tr
                key={virtualRow.key}
                data-index={virtualRow.index}
                ref={virtualizer.measureElement}
                aria-rowindex={virtualRow.index + 2}
              >
                <td className="col-label">
                  <Link to={paths.inputSet.getHref(item.ref)} className="label-link">
                    {item.label}
                  </Link>
                  <div className="ref-line">
                    <code className="ref">{item.ref}</code>
                    <CopyButton text={item.ref} />
                  </div>
                </td>
                <td className="col-status">
                  <StatusBadge status={item.status} />
                  {item.errorCount > 0 || item.warningCount > 0 ? (
                    <div className="problem-chips">
                      {item.errorCount > 0 ? (
                        <ProblemCountChip severity="error" count={item.errorCount} />
                      ) : null}
                      {item.warningCount > 0 ? (
                        <ProblemCountChip severity="warning" count={item.warningCount} />
                      ) : null}
                    </div>
                  ) : null}
                </td>
                <td className="col-revision num">r{item.revision}</td>
                <td className="col-version mono" title={item.versionId}>
                  {item.versionId}
                </td>
                <td className="col-counts">
                  <RowCountsInline counts={item.rowCounts} />
                </td>
                <td className="col-updated num">
                  <time dateTime={item.updatedAt}>{formatJst(item.updatedAt)}</time>
                </td>
                <td className="col-approved">
                  {item.approvedBy ? (
                    <>
                      <span className="mono">{item.approvedBy}</span>
                      {item.reviewerId ? (
                        <span className="reviewer-id muted">
                          {t('list.reviewerId', { id: item.reviewerId })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
          <SpacerRow height={paddingBottom} columnCount={COLUMN_COUNT} />
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
