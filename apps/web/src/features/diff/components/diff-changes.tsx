import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TDiffChangeRow } from '@planning-hub/contracts/api/diff';
import { useT, useTc } from '../../../i18n/i18n-context';
import { LoadingState } from '../../../components/ui/state-views';
import { SkeletonCell, useVirtualGrid, VirtualGrid } from '../../../components/ui/virtual-grid';
import {
  diffChangesQueryOptions,
  useDiffChangePages,
  type TDiffChangesRequest,
} from '../api/get-diff-changes';
import { DiffPageAlert } from './diff-page-alert';
import { useFetchableOffsets, useLoadedRows } from './use-diff-pages';
import {
  DIFF_PAGE_ROWS,
  DIFF_WINDOW_ROWS,
  formatDelta,
  formatPercent,
  hasActiveRowFilters,
  isChangedRow,
} from '../diff-rules';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 36;
const MAX_LIST_HEIGHT = 480;

type TDiffChangesProps = {
  request: Omit<TDiffChangesRequest, 'limit'>;
  onStale: () => void;
};

/**
 * "All changes": every table's added, removed and changed rows in one virtualised list
 * (or one table's, or one kind's), as the server filters and orders them: a reviewer
 * reads six changes in six tables without five clicks.
 */
export function DiffChanges({ request, onStale }: TDiffChangesProps) {
  const t = useT();
  const tc = useTc();
  const first = useQuery(diffChangesQueryOptions({ ...request, limit: DIFF_PAGE_ROWS, offset: 0 }));
  const isStale = first.data !== undefined && first.data.state !== 'done';
  useEffect(() => {
    if (isStale) onStale();
  }, [isStale, onStale]);

  if (first.isError) return <DiffPageAlert failed={first} />;
  if (first.data?.state !== 'done') return <LoadingState label={t('diff.filter.searching')} />;
  const total = first.data.total;
  return (
    <div className="stack-s">
      <p className="muted" role="status">
        {total === 0
          ? t('diff.filter.none')
          : hasActiveRowFilters(request.filters)
            ? tc('diff.filter.matching', total)
            : tc('diff.all.count', total)}
      </p>
      {total > 0 ? <ChangesGrid request={request} total={total} onStale={onStale} /> : null}
    </div>
  );
}

function ChangesGrid({ request, total, onStale }: TDiffChangesProps & { total: number }) {
  const t = useT();
  const grid = useVirtualGrid({
    total,
    windowRows: DIFF_WINDOW_ROWS,
    pageRows: DIFF_PAGE_ROWS,
    rowHeight: ROW_HEIGHT,
    overscan: 20,
  });
  const fetchable = useFetchableOffsets(grid.pageOffsets);
  const pages = useDiffChangePages({ ...request, limit: DIFF_PAGE_ROWS }, grid.pageOffsets, fetchable);
  const { rowAt, failed } = useLoadedRows(grid, pages, onStale);

  const columns = [
    { name: t('diff.summary.table'), className: 'mono' },
    { name: t('diff.all.kind'), className: '' },
    { name: t('diff.all.key'), className: 'mono diff-key' },
    { name: t('diff.all.change'), className: '' },
  ];

  function renderCells(rowIndex: number) {
    const row = rowAt(rowIndex);
    if (!row) return columns.map((column) => <SkeletonCell key={column.name} />);
    return <ChangeCells row={row} />;
  }

  return (
    <VirtualGrid
      grid={grid}
      columns={columns}
      label={request.table ? t('diff.all.titleTable', { table: request.table }) : t('diff.all.title')}
      className="all-changes"
      height={Math.min(MAX_LIST_HEIGHT, HEADER_HEIGHT + grid.count * ROW_HEIGHT)}
      tableClassName="table--diff"
      rowClassName="diff-row"
      alert={<DiffPageAlert failed={failed} />}
      renderCells={renderCells}
    />
  );
}

/** Table, kind, key and what changed, on one line. */
function ChangeCells({ row }: { row: TDiffChangeRow }) {
  const t = useT();
  const keyTitle = Object.entries(row.key)
    .map(([name, value]) => `${name}=${value ?? ''}`)
    .join(', ');
  return (
    <>
      <td className="mono">{row.table}</td>
      <td>
        <span className={`count-button--${row.kind}`}>{t(`diff.kind.${row.kind}`)}</span>
      </td>
      <td className="mono diff-key" title={keyTitle}>
        {Object.values(row.key).join(' · ')}
      </td>
      <td>
        <ul className="diff-change-list">
          {isChangedRow(row)
            ? row.changes.map((change) => (
                <li key={change.column}>
                  <span className="mono">{change.column}</span> {change.old ?? t('diff.rows.empty')} →{' '}
                  {change.new ?? t('diff.rows.empty')}
                  {change.delta ? (
                    <span className="muted num">
                      {' '}
                      ({formatDelta(change.delta)}
                      {change.percent ? `, ${formatPercent(change.percent)}` : ''})
                    </span>
                  ) : null}
                </li>
              ))
            : [
                <li key="values" className="mono">
                  {Object.entries(row.values)
                    .map(([name, value]) => `${name} ${value ?? '—'}`)
                    .join(' · ')}
                </li>,
              ]}
        </ul>
      </td>
    </>
  );
}
