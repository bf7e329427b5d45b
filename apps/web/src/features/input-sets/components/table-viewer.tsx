import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useTableRowPages } from '../api/get-table-rows';
import { PAGE_ROWS, pageOffsetOf, pageOffsetsFor, WINDOW_ROWS, windowSize, windowStartFor } from '../table-window';

const ROW_HEIGHT = 30;

function isTableName(value: string | null): value is TTableName {
  return value !== null && (TABLE_NAMES as readonly string[]).includes(value);
}

/** The table in the URL (`?table=mix`), else the first one with rows. */
function pickTable(fromUrl: string | null, inputSet: TInputSetDetail): TTableName {
  if (isTableName(fromUrl)) return fromUrl;
  return TABLE_NAMES.find((name) => (inputSet.rowCounts[name] ?? 0) > 0) ?? 'demand';
}

export function TableViewer({ inputSet }: { inputSet: TInputSetDetail }) {
  const t = useT();
  const selectId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const table = pickTable(searchParams.get('table'), inputSet);

  function handleTableChange(next: string) {
    if (!isTableName(next)) return;
    const params = new URLSearchParams(searchParams);
    params.set('table', next);
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  return (
    <div className="stack-s">
      <div className="field field--inline">
        <label htmlFor={selectId}>{t('viewer.table')}</label>
        <select id={selectId} className="select" value={table} onChange={(event) => handleTableChange(event.target.value)}>
          {TABLE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t('viewer.tableOption', { table: name, count: formatCount(inputSet.rowCounts[name] ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      <TableGrid
        key={`${inputSet.ref}|${table}|${inputSet.contentHash}`}
        inputSetRef={inputSet.ref}
        contentHash={inputSet.contentHash}
        table={table}
        expectedTotal={inputSet.rowCounts[table] ?? 0}
      />
    </div>
  );
}

type TTableGridProps = { inputSetRef: string; contentHash: string; table: TTableName; expectedTotal: number };

type TGridMeta = { columns: string[]; total: number };

/**
 * A virtualised grid over a window of up to 10,000 rows, fetched in pages of 200 as
 * they scroll into view. Windows and "go to row" reach any row of a million.
 */
function TableGrid({ inputSetRef, contentHash, table, expectedTotal }: TTableGridProps) {
  const t = useT();
  const gotoId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingScrollRef = useRef<number | null>(null);
  const [windowStart, setWindowStart] = useState(0);
  const [gotoText, setGotoText] = useState('');
  const [highlightRow, setHighlightRow] = useState<number | null>(null);
  const specColumns = TABLE_SPECS[table].columns;
  const [meta, setMeta] = useState<TGridMeta>({ columns: specColumns.map((c) => c.name), total: expectedTotal });

  const count = windowSize(windowStart, meta.total);
  // TanStack Virtual re-renders through its own subscription; there is no React Compiler in this build.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 25,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = windowStart + (virtualRows[0]?.index ?? 0);
  const lastRow = windowStart + (virtualRows.at(-1)?.index ?? 0);
  // Before the first layout nothing is "visible": still fetch the window's first page (it also brings the columns).
  const offsets = virtualRows.length > 0 ? pageOffsetsFor(firstRow, lastRow) : [pageOffsetOf(windowStart)];
  const pages = useTableRowPages({ ref: inputSetRef, table, limit: PAGE_ROWS, contentHash }, offsets);

  const pageByOffset = new Map<number, (typeof pages)[number]['data']>();
  offsets.forEach((offset, index) => pageByOffset.set(offset, pages[index]?.data));
  const loaded = pages.find((page) => page.data)?.data;
  // The API's answer wins over the spec and the detail's count (the derived-state pattern, no effect needed).
  if (loaded && (loaded.total !== meta.total || loaded.columns.join('\u0000') !== meta.columns.join('\u0000'))) {
    setMeta({ columns: loaded.columns, total: loaded.total });
  }
  const failed = pages.find((page) => page.isError);

  useEffect(() => {
    const index = pendingScrollRef.current ?? 0;
    pendingScrollRef.current = null;
    virtualizer.scrollToIndex(index, { align: index === 0 ? 'start' : 'center' });
  }, [windowStart, virtualizer]);

  const windowCount = Math.max(1, Math.ceil(meta.total / WINDOW_ROWS));
  const windowIndex = windowStart / WINDOW_ROWS;
  const range = virtualizer.range;
  const visibleFrom = range && count > 0 ? windowStart + range.startIndex + 1 : 0;
  const visibleTo = range && count > 0 ? windowStart + range.endIndex + 1 : 0;
  const decimalColumns = new Set(specColumns.filter((c) => c.type === 'decimal').map((c) => c.name));

  function goToWindow(start: number, scrollIndex: number | null = null) {
    pendingScrollRef.current = scrollIndex;
    setWindowStart(start);
  }

  function handleGoto(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const row = Number.parseInt(gotoText, 10);
    if (!Number.isFinite(row) || row < 1 || row > meta.total) return;
    const index = row - 1;
    setHighlightRow(index);
    const start = windowStartFor(index);
    if (start === windowStart) virtualizer.scrollToIndex(index - start, { align: 'center' });
    else goToWindow(start, index - start);
  }

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = meta.columns.length + 1;

  return (
    <div className="stack-s">
      <div className="grid-toolbar">
        <p className="range-indicator num" role="status" aria-live="polite">
          {meta.total === 0
            ? t('viewer.noRows')
            : t('viewer.range', { from: formatCount(visibleFrom), to: formatCount(visibleTo), total: formatCount(meta.total) })}
        </p>
        {meta.total > 0 ? (
          <form className="goto" onSubmit={handleGoto}>
            <label htmlFor={gotoId}>{t('viewer.gotoRow')}</label>
            <input
              id={gotoId}
              className="input input--narrow num"
              type="number"
              inputMode="numeric"
              min={1}
              max={meta.total}
              value={gotoText}
              onChange={(event) => setGotoText(event.target.value)}
            />
            <button type="submit" className="btn btn--secondary btn--small">
              {t('viewer.go')}
            </button>
          </form>
        ) : null}
      </div>
      {windowCount > 1 ? (
        <div className="window-nav">
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={windowIndex === 0}
            onClick={() => goToWindow(windowStart - WINDOW_ROWS)}
          >
            {t('viewer.previousWindow', { count: formatCount(WINDOW_ROWS) })}
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
            onClick={() => goToWindow(windowStart + WINDOW_ROWS)}
          >
            {t('viewer.nextWindow', { count: formatCount(WINDOW_ROWS) })}
          </button>
        </div>
      ) : null}
      {failed ? <ProblemAlert error={failed.error} title={t('viewer.error')} onRetry={() => void failed.refetch()} /> : null}
      <div className="table-scroll table-scroll--grid" ref={scrollRef} tabIndex={0} aria-label={t('viewer.gridLabel', { table })}>
        <table className="table table--grid" aria-rowcount={meta.total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="num rownum">
                #
              </th>
              {meta.columns.map((column) => (
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
              const page = pageByOffset.get(pageOffsetOf(rowIndex));
              const row = page?.rows[rowIndex - page.offset];
              return (
                <tr
                  key={virtualRow.key}
                  aria-rowindex={rowIndex + 2}
                  className={rowIndex === highlightRow ? 'row--highlight' : undefined}
                  style={{ height: ROW_HEIGHT }}
                >
                  <th scope="row" className="num rownum">
                    {formatCount(rowIndex + 1)}
                  </th>
                  {meta.columns.map((column, columnIndex) => {
                    const isNumber = decimalColumns.has(column);
                    if (!row) {
                      return (
                        <td key={column} className={isNumber ? 'num' : undefined}>
                          <span className="skeleton skeleton--cell" />
                        </td>
                      );
                    }
                    const value = row[columnIndex];
                    return (
                      <td key={column} className={isNumber ? 'num' : 'mono'} title={value ?? undefined}>
                        {value === null || value === undefined ? <span className="null-cell">—</span> : value}
                      </td>
                    );
                  })}
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
