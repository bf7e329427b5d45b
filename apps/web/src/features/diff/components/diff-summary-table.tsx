import { DIFF_KINDS, type TDiffKind, type TDiffTableSummary } from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { DiffKindHeaders } from '../../../components/ui/diff-kind-headers';
import { TableScroll } from '../../../components/ui/table-scroll';

type TSelection = { table: TTableName; kind: TDiffKind } | null;

type TDiffSummaryTableProps = {
  summary: readonly TDiffTableSummary[];
  selection: TSelection;
  onSelect: (table: TTableName, kind: TDiffKind) => void;
};

/** Added / removed / changed per table; a non-zero count opens those rows below. */
export function DiffSummaryTable({ summary, selection, onSelect }: TDiffSummaryTableProps) {
  const t = useT();
  return (
    <TableScroll label={t('diff.summary.caption')}>
      <table className="table table--diff-summary">
        <caption className="visually-hidden">{t('diff.summary.caption')}</caption>
        <thead>
          <tr>
            <DiffKindHeaders />
            <th scope="col" className="num">
              {t('diff.summary.unchanged')}
            </th>
            <th scope="col">{t('diff.summary.columns')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((entry) => {
            const hasChanges = entry.added + entry.removed + entry.changed > 0;
            const columns = Object.entries(entry.changedColumns).filter(([, count]) => count > 0);
            return (
              <tr key={entry.table} className={hasChanges ? undefined : 'row--quiet'}>
                <th scope="row" className="mono">
                  {entry.table}
                </th>
                {DIFF_KINDS.map((kind) => {
                  const count = entry[kind];
                  const isSelected = selection?.table === entry.table && selection.kind === kind;
                  return (
                    <td key={kind} className="num">
                      {count > 0 ? (
                        <button
                          type="button"
                          className={`count-button count-button--${kind}`}
                          aria-pressed={isSelected}
                          aria-label={t('diff.summary.show', {
                            count: formatCount(count),
                            kind: t(`diff.kind.${kind}`),
                            table: entry.table,
                          })}
                          onClick={() => onSelect(entry.table, kind)}
                        >
                          {formatCount(count)}
                        </button>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  );
                })}
                <td className="num muted">{formatCount(entry.unchanged)}</td>
                <td>
                  {columns.length > 0 ? (
                    <ul className="counts-inline">
                      {columns.map(([column, count]) => (
                        <li key={column}>
                          <span className="mono">{column}</span>{' '}
                          <span className="num muted">{formatCount(count)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
