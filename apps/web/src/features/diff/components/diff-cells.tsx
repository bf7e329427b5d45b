import { useSearchParams } from 'react-router';
import type { TDiffKind, TDiffResult } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import {
  NO_ROW_FILTERS,
  cellSelectionOf,
  hasActiveRowFilters,
  rowFiltersFromParams,
  writeRowFilters,
  type TRowFilterState,
} from '../diff-rules';
import { DiffChanges } from './diff-changes';
import { DiffFilterBar } from './diff-filter-bar';
import { DiffRows } from './diff-rows';
import { DiffSummaryTable } from './diff-summary-table';

type TDiffCellsProps = {
  /** The diff, with the pair the server compared (`against` as it chose it when the URL names none). */
  result: TDiffResult;
  /** A page came back as a job: the cache went stale, the summary must be asked for again. */
  onStale: () => void;
};

/**
 * The cell diff: counts per table and kind, then the rows of one table and kind, or
 * "All changes" in one list; filtered by key value, column and |Δ| and sorted by the
 * server, so that a reviewer finds ITEM-067 among a million rows.
 */
export function DiffCells({ result, onStale }: TDiffCellsProps) {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const { totals } = result;
  const selection = cellSelectionOf(searchParams, result.summary);
  const filters = rowFiltersFromParams(searchParams);
  const request = {
    ref: result.ref,
    against: result.against,
    refHash: result.refHash,
    againstHash: result.againstHash,
  };

  function navigate(params: URLSearchParams) {
    params.set('view', 'cells');
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  function handleSelect(table: TTableName | 'all', kind: TDiffKind | 'all') {
    const params = new URLSearchParams(searchParams);
    params.set('table', table);
    params.set('kind', kind);
    navigate(params);
  }

  function handleFilters(next: TRowFilterState) {
    navigate(writeRowFilters(searchParams, next));
  }

  const selectedEntry =
    selection?.mode === 'rows' ? result.summary.find((entry) => entry.table === selection.table) : undefined;
  const listKey = `${JSON.stringify(selection)}|${JSON.stringify(filters)}|${result.refHash}|${result.againstHash}`;

  return (
    <div className="stack">
      <DiffSummaryTable
        summary={result.summary}
        selection={selection?.mode === 'rows' ? selection : null}
        onSelect={handleSelect}
      />
      <p>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          aria-pressed={selection?.mode === 'changes' && !selection.table && !selection.kind}
          onClick={() => handleSelect('all', 'all')}
        >
          {t('diff.all.button', { count: formatCount(totals.added + totals.removed + totals.changed) })}
        </button>
      </p>
      {selection ? (
        <section className="stack-s" aria-labelledby="diff-rows-title">
          <h3 id="diff-rows-title">
            {selection.mode === 'rows'
              ? t('diff.rows.title', { kind: t(`diff.kind.${selection.kind}`), table: selection.table })
              : selection.table
                ? t('diff.all.titleTable', { table: selection.table })
                : t('diff.all.title')}
            {selection.mode === 'rows' && selectedEntry && !hasActiveRowFilters(filters) ? (
              <>
                {' '}
                <span className="muted num">({formatCount(selectedEntry[selection.kind])})</span>
              </>
            ) : null}
          </h3>
          <DiffFilterBar
            filters={filters}
            table={selection.table}
            onChange={handleFilters}
            onClear={() => handleFilters(NO_ROW_FILTERS)}
          />
          {selection.mode === 'rows' ? (
            <DiffRows
              key={listKey}
              request={{ ...request, filters }}
              table={selection.table}
              kind={selection.kind}
              knownTotal={hasActiveRowFilters(filters) ? undefined : selectedEntry?.[selection.kind]}
              changedColumns={selectedEntry?.changedColumns ?? {}}
              onStale={onStale}
            />
          ) : (
            <DiffChanges
              key={listKey}
              request={{ ...request, filters, table: selection.table, kind: selection.kind }}
              onStale={onStale}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
