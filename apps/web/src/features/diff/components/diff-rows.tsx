import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TDiffKind } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { useT, useTc } from '../../../i18n/i18n-context';
import { LoadingState } from '../../../components/ui/state-views';
import { SkeletonCell, useVirtualGrid, VirtualGrid } from '../../../components/ui/virtual-grid';
import { diffRowsQueryOptions, useDiffRowPages, type TDiffRowsRequest } from '../api/get-diff-rows';
import { DIFF_PAGE_ROWS, DIFF_WINDOW_ROWS, diffColumns, hasActiveRowFilters } from '../diff-rules';
import { DiffRowCells } from './diff-row-cells';
import { DiffPageAlert } from './diff-page-alert';
import { useFetchableOffsets, useLoadedRows } from './use-diff-pages';

const ROW_HEIGHTS: Record<TDiffKind, number> = { changed: 50, added: 32, removed: 32 };
// The header row (34 px) and the container's two borders.
const HEADER_HEIGHT = 36;
const MAX_LIST_HEIGHT = 480;

type TDiffRowsProps = {
  request: Omit<TDiffRowsRequest, 'table' | 'kind' | 'limit'>;
  table: TTableName;
  kind: TDiffKind;
  /** Rows without filters (from the summary); undefined: the first page says how many pass the filters. */
  knownTotal: number | undefined;
  changedColumns: Record<string, number>;
  /** A page came back as a job: the cache went stale, the summary must be asked for again. */
  onStale: () => void;
};

/**
 * The rows of one table and kind, virtualised: only the rows on screen are in the
 * DOM, and their pages (200 rows) are fetched as they scroll into view. 100,000
 * changed rows scroll like 100. With filters, the server picks and orders the rows.
 */
export function DiffRows({ knownTotal, ...props }: TDiffRowsProps) {
  const t = useT();
  const tc = useTc();
  const first = useQuery({
    ...diffRowsQueryOptions({
      ...props.request,
      table: props.table,
      kind: props.kind,
      limit: DIFF_PAGE_ROWS,
      offset: 0,
    }),
    enabled: knownTotal === undefined,
  });
  const isStale = first.data !== undefined && first.data.state !== 'done';
  const { onStale } = props;
  useEffect(() => {
    if (isStale) onStale();
  }, [isStale, onStale]);

  if (knownTotal !== undefined) return <DiffRowsGrid {...props} total={knownTotal} />;
  if (first.isError) return <DiffPageAlert failed={first} />;
  if (first.data?.state !== 'done') return <LoadingState label={t('diff.filter.searching')} />;
  const total = first.data.total;
  return (
    <div className="stack-s">
      {hasActiveRowFilters(props.request.filters) ? (
        <p className="muted" role="status">
          {total === 0 ? t('diff.filter.none') : tc('diff.filter.matching', total)}
        </p>
      ) : null}
      {total > 0 ? <DiffRowsGrid {...props} total={total} /> : null}
    </div>
  );
}

function DiffRowsGrid({
  request,
  table,
  kind,
  total,
  changedColumns,
  onStale,
}: Omit<TDiffRowsProps, 'knownTotal'> & { total: number }) {
  const t = useT();
  const rowHeight = ROW_HEIGHTS[kind];
  const grid = useVirtualGrid({
    total,
    windowRows: DIFF_WINDOW_ROWS,
    pageRows: DIFF_PAGE_ROWS,
    rowHeight,
    overscan: 20,
  });
  const fetchable = useFetchableOffsets(grid.pageOffsets);
  const pages = useDiffRowPages(
    { ...request, table, kind, limit: DIFF_PAGE_ROWS },
    grid.pageOffsets,
    fetchable,
  );
  const { rowAt, failed } = useLoadedRows(grid, pages, onStale);

  const columns = diffColumns(table, kind, changedColumns);
  const decimalColumns = new Set(
    TABLE_SPECS[table].columns.filter((c) => c.type === 'decimal').map((c) => c.name),
  );
  const gridColumns = [
    ...columns.key.map((name) => ({ name, className: 'mono diff-key' })),
    ...columns.values.map((name) => ({ name, className: `mono${decimalColumns.has(name) ? ' num' : ''}` })),
  ];

  function renderCells(rowIndex: number) {
    const row = rowAt(rowIndex);
    if (!row) return gridColumns.map((column) => <SkeletonCell key={column.name} />);
    return (
      <DiffRowCells
        row={row}
        keyColumns={columns.key}
        valueColumns={columns.values}
        decimalColumns={decimalColumns}
      />
    );
  }

  return (
    <VirtualGrid
      grid={grid}
      columns={gridColumns}
      label={t('diff.rows.label', { kind: t(`diff.kind.${kind}`), table })}
      className={`diff-rows diff-rows--${kind}`}
      // A fixed height lets the browser contain layout to the list (CSS contain: strict) while scrolling.
      height={Math.min(MAX_LIST_HEIGHT, HEADER_HEIGHT + grid.count * rowHeight)}
      tableClassName="table--diff"
      rowClassName={`diff-row diff-row--${kind}`}
      alert={<DiffPageAlert failed={failed} />}
      renderCells={renderCells}
    />
  );
}
