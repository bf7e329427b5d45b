import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCount } from '../../lib/format';
import { pageOffsetOf, pageOffsetsFor, windowSize, windowStartFor } from '../../lib/row-windows';
import { useT } from '../../i18n/i18n-context';

type TVirtualGridOptions = {
  /** Rows in the whole list, across every window. */
  total: number;
  /** Rows in one scrolling window (see lib/row-windows.ts). */
  windowRows: number;
  /** Rows in one fetched page. */
  pageRows: number;
  /** Height of every row, in px. */
  rowHeight: number;
  /** Rows rendered beyond the visible ones, so a short scroll shows no gap. */
  overscan: number;
};

/**
 * The state of a virtualised grid over a window of rows: the rows rendered, the
 * pages they fall in (for the caller to fetch, its own way), and "go to row".
 * The caller owns the data; `VirtualGrid` draws it.
 */
export function useVirtualGrid({ total, windowRows, pageRows, rowHeight, overscan }: TVirtualGridOptions) {
  // State, not a ref: the virtualizer finds the element on the render after it mounts.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  // The row to bring into view once a new window is rendered (null: its top).
  const [windowView, setWindowView] = useState<{ start: number; scrollIndex: number | null }>({
    start: 0,
    scrollIndex: null,
  });
  const [highlightRow, setHighlightRow] = useState<number | null>(null);
  const windowStart = windowView.start;
  const count = windowSize(windowStart, total, windowRows);

  // TanStack Virtual re-renders through its own subscription; there is no React Compiler in this build.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = windowStart + (virtualRows[0]?.index ?? 0);
  const lastRow = windowStart + (virtualRows.at(-1)?.index ?? 0);
  // Before the first layout nothing is "visible": the window's first page is.
  const pageOffsets =
    virtualRows.length > 0
      ? pageOffsetsFor(firstRow, lastRow, pageRows)
      : count > 0
        ? [pageOffsetOf(windowStart, pageRows)]
        : [];

  useEffect(() => {
    const index = windowView.scrollIndex ?? 0;
    virtualizer.scrollToIndex(index, { align: index === 0 ? 'start' : 'center' });
  }, [windowView, virtualizer]);

  function goToWindow(start: number, scrollIndex: number | null = null) {
    setWindowView({ start, scrollIndex });
  }

  /** Scrolls to a row (1-based, as the "#" column shows it) and highlights it. */
  function goToRow(row: number) {
    if (!Number.isFinite(row) || row < 1 || row > total) return;
    const index = row - 1;
    setHighlightRow(index);
    const start = windowStartFor(index, windowRows);
    if (start === windowStart) virtualizer.scrollToIndex(index - start, { align: 'center' });
    else goToWindow(start, index - start);
  }

  return {
    /** The scrolling element's ref callback. */
    setScrollElement,
    virtualizer,
    virtualRows,
    total,
    windowRows,
    rowHeight,
    windowStart,
    /** Rows in the window on screen. */
    count,
    highlightRow,
    /** Offsets of the pages holding the rows rendered now. */
    pageOffsets,
    /** The offset of the page holding an absolute row. */
    pageOf: (rowIndex: number) => pageOffsetOf(rowIndex, pageRows),
    goToWindow,
    goToRow,
  };
}

export type TVirtualGrid = ReturnType<typeof useVirtualGrid>;

/** A header cell: the column's name, and its classes (`mono`, `num` for numbers, ...). */
export type TGridColumn = { name: string; className: string };

type TVirtualGridProps = {
  grid: TVirtualGrid;
  columns: readonly TGridColumn[];
  /** Names the scrolling area, a focusable region, for assistive technology. */
  label: string;
  /** Classes of the scrolling area besides `table-scroll`. */
  className?: string;
  /** A fixed height of the scrolling area, in px (else its CSS sets it). */
  height?: number;
  /** Classes of the table besides `table table--grid`. */
  tableClassName?: string;
  /** Classes of every body row (the highlighted row gets `row--highlight` too). */
  rowClassName?: string;
  /** Shown above the grid, such as a page that failed to load. */
  alert?: ReactNode;
  /** The cells of an absolute row after its "#" header; `SkeletonCell`s while its page loads. */
  renderCells: (rowIndex: number) => ReactNode;
};

/**
 * A virtualised grid: only the rows on screen are in the DOM. A range indicator
 * and "go to row" above it, previous/next window buttons when the rows span more
 * than one window. Rows 100,000 deep scroll like 100.
 */
export function VirtualGrid({
  grid,
  columns,
  label,
  className,
  height,
  tableClassName,
  rowClassName,
  alert,
  renderCells,
}: TVirtualGridProps) {
  const t = useT();
  const { virtualizer, virtualRows, total, windowStart, count, rowHeight, highlightRow, setScrollElement } =
    grid;
  const range = virtualizer.range;
  const visibleFrom = range && count > 0 ? windowStart + range.startIndex + 1 : 0;
  const visibleTo = range && count > 0 ? windowStart + range.endIndex + 1 : 0;
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = columns.length + 1;

  return (
    <div className="stack-s">
      <div className="grid-toolbar">
        <p className="range-indicator num" role="status" aria-live="polite">
          {total === 0
            ? t('viewer.noRows')
            : t('viewer.range', {
                from: formatCount(visibleFrom),
                to: formatCount(visibleTo),
                total: formatCount(total),
              })}
        </p>
        {total > 0 ? <GoToRowForm total={total} onGo={grid.goToRow} /> : null}
      </div>
      <WindowNav grid={grid} />
      {alert}
      <div
        className={className ? `table-scroll ${className}` : 'table-scroll'}
        style={height === undefined ? undefined : { height }}
        ref={setScrollElement}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        <table
          className={tableClassName ? `table table--grid ${tableClassName}` : 'table table--grid'}
          aria-rowcount={total + 1}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="num rownum">
                #
              </th>
              {columns.map((column) => (
                <th key={column.name} scope="col" className={column.className}>
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={paddingTop} columnCount={columnCount} />
            {virtualRows.map((virtualRow) => {
              const rowIndex = windowStart + virtualRow.index;
              const classes = [rowClassName, rowIndex === highlightRow ? 'row--highlight' : null]
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={virtualRow.key}
                  aria-rowindex={rowIndex + 2}
                  className={classes || undefined}
                  style={{ height: rowHeight }}
                >
                  <th scope="row" className="num rownum">
                    {formatCount(rowIndex + 1)}
                  </th>
                  {renderCells(rowIndex)}
                </tr>
              );
            })}
            <SpacerRow height={paddingBottom} columnCount={columnCount} />
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Stands in for the rows above or below the rendered ones, so the scrollbar is true to the whole list. */
export function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}

/** A cell whose row is still loading. */
export function SkeletonCell({ className }: { className?: string }) {
  return (
    <td className={className}>
      <span className="skeleton skeleton--cell" />
    </td>
  );
}

function GoToRowForm({ total, onGo }: { total: number; onGo: (row: number) => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onGo(Number.parseInt(text, 10));
  }

  return (
    <form className="goto" onSubmit={handleSubmit}>
      <label htmlFor={id}>{t('viewer.gotoRow')}</label>
      <input
        id={id}
        className="input input--narrow num"
        type="number"
        inputMode="numeric"
        min={1}
        max={total}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="btn btn--secondary btn--small">
        {t('viewer.go')}
      </button>
    </form>
  );
}

function WindowNav({ grid }: { grid: TVirtualGrid }) {
  const t = useT();
  const { total, windowRows, windowStart, count } = grid;
  const windowCount = Math.max(1, Math.ceil(total / windowRows));
  const windowIndex = windowStart / windowRows;
  if (windowCount <= 1) return null;

  return (
    <div className="window-nav">
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={windowIndex === 0}
        onClick={() => grid.goToWindow(windowStart - windowRows)}
      >
        {t('viewer.previousWindow', { count: formatCount(windowRows) })}
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
        onClick={() => grid.goToWindow(windowStart + windowRows)}
      >
        {t('viewer.nextWindow', { count: formatCount(windowRows) })}
      </button>
    </div>
  );
}
