import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { SkeletonCell, useVirtualGrid, VirtualGrid } from '../../../components/ui/virtual-grid';
import { useTableRowPages } from '../api/get-table-rows';

const ROW_HEIGHT = 30;
/** A window of 10,000 rows keeps the scroll height sane; "go to row" reaches any row of a million. */
const WINDOW_ROWS = 10_000;
const PAGE_ROWS = 200;

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
      <FormField id={selectId} label={t('viewer.table')} className="field--inline">
        {(control) => (
          <select
            {...control}
            className="select"
            value={table}
            onChange={(event) => handleTableChange(event.target.value)}
          >
            {TABLE_NAMES.map((name) => (
              <option key={name} value={name}>
                {t('viewer.tableOption', { table: name, count: formatCount(inputSet.rowCounts[name] ?? 0) })}
              </option>
            ))}
          </select>
        )}
      </FormField>
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
  const specColumns = TABLE_SPECS[table].columns;
  const [meta, setMeta] = useState<TGridMeta>({
    columns: specColumns.map((c) => c.name),
    total: expectedTotal,
  });
  const grid = useVirtualGrid({
    total: meta.total,
    windowRows: WINDOW_ROWS,
    pageRows: PAGE_ROWS,
    rowHeight: ROW_HEIGHT,
    overscan: 25,
  });
  // A table the detail counts as empty still asks for its first page: the answer brings the columns and the real count.
  const offsets = grid.pageOffsets.length > 0 ? grid.pageOffsets : [grid.pageOf(grid.windowStart)];
  const pages = useTableRowPages({ ref: inputSetRef, table, limit: PAGE_ROWS, contentHash }, offsets);

  const pageByOffset = new Map<number, (typeof pages)[number]['data']>();
  offsets.forEach((offset, index) => pageByOffset.set(offset, pages[index]?.data));
  const loaded = pages.find((page) => page.data)?.data;
  // The API's answer wins over the spec and the detail's count (the derived-state pattern, no effect needed).
  if (
    loaded &&
    (loaded.total !== meta.total || loaded.columns.join('\u0000') !== meta.columns.join('\u0000'))
  ) {
    setMeta({ columns: loaded.columns, total: loaded.total });
  }
  const failed = pages.find((page) => page.isError);
  const decimalColumns = new Set(specColumns.filter((c) => c.type === 'decimal').map((c) => c.name));

  function renderCells(rowIndex: number) {
    const page = pageByOffset.get(grid.pageOf(rowIndex));
    const row = page?.rows[rowIndex - page.offset];
    return meta.columns.map((column, columnIndex) => {
      const isNumber = decimalColumns.has(column);
      if (!row) return <SkeletonCell key={column} className={isNumber ? 'num' : undefined} />;
      const value = row[columnIndex];
      return (
        <td key={column} className={isNumber ? 'num' : 'mono'} title={value ?? undefined}>
          {value === null || value === undefined ? <span className="null-cell">—</span> : value}
        </td>
      );
    });
  }

  return (
    <VirtualGrid
      grid={grid}
      columns={meta.columns.map((name) => ({
        name,
        className: `mono${decimalColumns.has(name) ? ' num' : ''}`,
      }))}
      label={t('viewer.gridLabel', { table })}
      className="table-scroll--grid"
      alert={
        failed ? (
          <ProblemAlert
            error={failed.error}
            title={t('viewer.error')}
            onRetry={() => void failed.refetch()}
          />
        ) : null
      }
      renderCells={renderCells}
    />
  );
}
