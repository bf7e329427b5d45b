import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TDiffKind, TDiffRow } from '@planning-hub/contracts/api/diff';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { formatCount } from '../../../lib/format';
import { useThrottledValue } from '../../../lib/use-throttled-value';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useDiffRowPages, type TDiffRowsRequest } from '../api/get-diff-rows';
import { DIFF_PAGE_ROWS, DIFF_WINDOW_ROWS, diffColumns, diffPageOf, diffPageOffsets } from '../diff-rules';
import { DiffRowCells } from './diff-row-cells';

const ROW_HEIGHTS: Record<TDiffKind, number> = { changed: 50, added: 32, removed: 32 };
// The header row (34 px) and the container's two borders.
const HEADER_HEIGHT = 36;
const MAX_LIST_HEIGHT = 480;
/** Pages on screen are asked for once the view has rested this long (or at this rate while scrolling). */
const FETCH_THROTTLE_MS = 150;

type TDiffRowsProps = {
  request: Omit<TDiffRowsRequest, 'table' | 'kind' | 'limit'>;
  table: TTableName;
  kind: TDiffKind;
  total: number;
  changedColumns: Record<string, number>;
  /** A page came back as a job: the cache went stale, the summary must be asked for again. */
  onStale: () => void;
};

/**
 * The rows of one table and kind, virtualised: only the rows on screen are in the
 * DOM, and their pages (200 rows) are fetched as they scroll into view. 100,000
 * changed rows scroll like 100.
 */
export function DiffRows({ request, table, kind, total, changedColumns, onStale }: TDiffRowsProps) {
  const t = useT();
  const gotoId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [windowStart, setWindowStart] = useState(0);
  const [gotoText, setGotoText] = useState('');
  const [highlightRow, setHighlightRow] = useState<number | null>(null);
  const pendingScrollRef = useRef<number | null>(null);
  const rowHeight = ROW_HEIGHTS[kind];
  const count = Math.max(0, Math.min(DIFF_WINDOW_ROWS, total - windowStart));

  // TanStack Virtual re-renders through its own subscription; there is no React Compiler in this build.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 20,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = windowStart + (virtualRows[0]?.index ?? 0);
  const lastRow = windowStart + (virtualRows.at(-1)?.index ?? 0);
  const offsets = virtualRows.length > 0 ? diffPageOffsets(firstRow, lastRow) : count > 0 ? [diffPageOf(windowStart)] : [];
  const settledKey = useThrottledValue(offsets.join(','), FETCH_THROTTLE_MS);
  const fetchable = useMemo(() => new Set(settledKey ? settledKey.split(',').map(Number) : []), [settledKey]);
  const pages = useDiffRowPages({ ...request, table, kind, limit: DIFF_PAGE_ROWS }, offsets, fetchable);

  const rowsByPage = new Map<number, readonly TDiffRow[]>();
  let isStale = false;
  offsets.forEach((offset, index) => {
    const data = pages[index]?.data;
    if (data?.state === 'done') rowsByPage.set(offset, data.rows);
    else if (data) isStale = true;
  });
  const failed = pages.find((page) => page.isError);

  useEffect(() => {
    if (isStale) onStale();
  }, [isStale, onStale]);

  useEffect(() => {
    const index = pendingScrollRef.current ?? 0;
    pendingScrollRef.current = null;
    virtualizer.scrollToIndex(index, { align: index === 0 ? 'start' : 'center' });
  }, [windowStart, virtualizer]);

  const columns = diffColumns(table, kind, changedColumns);
  const decimalColumns = new Set(TABLE_SPECS[table].columns.filter((c) => c.type === 'decimal').map((c) => c.name));
  const windowCount = Math.max(1, Math.ceil(total / DIFF_WINDOW_ROWS));
  const windowIndex = windowStart / DIFF_WINDOW_ROWS;
  const range = virtualizer.range;
  const visibleFrom = range && count > 0 ? windowStart + range.startIndex + 1 : 0;
  const visibleTo = range && count > 0 ? windowStart + range.endIndex + 1 : 0;
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = 1 + columns.key.length + columns.values.length;

  function goToWindow(start: number, scrollIndex: number | null = null) {
    pendingScrollRef.current = scrollIndex;
    setWindowStart(start);
  }

  function handleGoto(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const row = Number.parseInt(gotoText, 10);
    if (!Number.isFinite(row) || row < 1 || row > total) return;
    const index = row - 1;
    setHighlightRow(index);
    const start = Math.floor(index / DIFF_WINDOW_ROWS) * DIFF_WINDOW_ROWS;
    if (start === windowStart) virtualizer.scrollToIndex(index - start, { align: 'center' });
    else goToWindow(start, index - start);
  }

  return (
    <div className="stack-s">
      <div className="grid-toolbar">
        <p className="range-indicator num" role="status" aria-live="polite">
          {t('diff.rows.range', { from: formatCount(visibleFrom), to: formatCount(visibleTo), total: formatCount(total) })}
        </p>
        <form className="goto" onSubmit={handleGoto}>
          <label htmlFor={gotoId}>{t('viewer.gotoRow')}</label>
          <input
            id={gotoId}
            className="input input--narrow num"
            type="number"
            inputMode="numeric"
            min={1}
            max={total}
            value={gotoText}
            onChange={(event) => setGotoText(event.target.value)}
          />
          <button type="submit" className="btn btn--secondary btn--small">
            {t('viewer.go')}
          </button>
        </form>
      </div>
      {windowCount > 1 ? (
        <div className="window-nav">
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={windowIndex === 0}
            onClick={() => goToWindow(windowStart - DIFF_WINDOW_ROWS)}
          >
            {t('viewer.previousWindow', { count: formatCount(DIFF_WINDOW_ROWS) })}
          </button>
          <span className="muted num">
            {t('viewer.window', {
              from: formatCount(windowStart + 1),
              to: formatCount(windowStart + count),
              index: windowIndex + 1,
              count: windowCount,
            })}
          </span>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={windowIndex >= windowCount - 1}
            onClick={() => goToWindow(windowStart + DIFF_WINDOW_ROWS)}
          >
            {t('viewer.nextWindow', { count: formatCount(DIFF_WINDOW_ROWS) })}
          </button>
        </div>
      ) : null}
      {failed ? <ProblemAlert error={failed.error} title={t('diff.rows.error')} onRetry={() => void failed.refetch()} /> : null}
      <div
        className={`table-scroll diff-rows diff-rows--${kind}`}
        // A fixed height lets the browser contain layout to the list (CSS contain: strict) while scrolling.
        style={{ height: Math.min(MAX_LIST_HEIGHT, HEADER_HEIGHT + count * rowHeight) }}
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={t('diff.rows.label', { kind: t(`diff.kind.${kind}`), table })}
      >
        <table className="table table--grid table--diff" aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="num rownum">
                #
              </th>
              {columns.key.map((column) => (
                <th key={column} scope="col" className="mono diff-key">
                  {column}
                </th>
              ))}
              {columns.values.map((column) => (
                <th key={column} scope="col" className={`mono${decimalColumns.has(column) ? ' num' : ''}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={columnCount} style={{ height: paddingTop }} />
              </tr>
            ) : null}
            {virtualRows.map((virtualRow) => {
              const rowIndex = windowStart + virtualRow.index;
              const pageOffset = diffPageOf(rowIndex);
              const row = rowsByPage.get(pageOffset)?.[rowIndex - pageOffset];
              return (
                <tr
                  key={virtualRow.key}
                  aria-rowindex={rowIndex + 2}
                  className={`diff-row diff-row--${kind}${rowIndex === highlightRow ? ' row--highlight' : ''}`}
                  style={{ height: rowHeight }}
                >
                  <th scope="row" className="num rownum">
                    {formatCount(rowIndex + 1)}
                  </th>
                  {row ? (
                    <DiffRowCells row={row} keyColumns={columns.key} valueColumns={columns.values} decimalColumns={decimalColumns} />
                  ) : (
                    Array.from({ length: columnCount - 1 }, (_, index) => (
                      <td key={index}>
                        <span className="skeleton skeleton--cell" />
                      </td>
                    ))
                  )}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={columnCount} style={{ height: paddingBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
