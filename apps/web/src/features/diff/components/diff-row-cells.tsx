import type { TDiffChange, TDiffRow } from '@planning-hub/contracts/api/diff';
import { useT } from '../../../i18n/i18n-context';
import { formatDelta, formatPercent, isChangedRow } from '../diff-rules';

type TDiffRowCellsProps = {
  row: TDiffRow;
  keyColumns: readonly string[];
  valueColumns: readonly string[];
  decimalColumns: ReadonlySet<string>;
};

/** The cells of one diff row: the key, then the values (added, removed) or the changes (changed). */
export function DiffRowCells({ row, keyColumns, valueColumns, decimalColumns }: TDiffRowCellsProps) {
  const t = useT();
  const changes = isChangedRow(row) ? new Map(row.changes.map((change) => [change.column, change])) : null;
  return (
    <>
      {keyColumns.map((column) => (
        <td key={column} className="mono diff-key" title={row.key[column] ?? undefined}>
          {row.key[column] ?? <span className="null-cell">—</span>}
        </td>
      ))}
      {valueColumns.map((column) => {
        const isNumber = decimalColumns.has(column);
        if (changes) {
          const change = changes.get(column);
          if (!change) {
            return (
              <td
                key={column}
                className={`diff-same${isNumber ? ' num' : ''}`}
                title={t('diff.rows.unchanged')}
              >
                <span className="null-cell">·</span>
              </td>
            );
          }
          return <ChangedCell key={column} change={change} isNumber={isNumber} />;
        }
        const value = 'values' in row ? row.values[column] : undefined;
        return (
          <td key={column} className={isNumber ? 'num' : 'mono'} title={value ?? undefined}>
            {value === null || value === undefined ? <span className="null-cell">—</span> : value}
          </td>
        );
      })}
    </>
  );
}

/** `old -> new` on the first line, the numeric delta and percent below; the cell is highlighted. */
function ChangedCell({ change, isNumber }: { change: TDiffChange; isNumber: boolean }) {
  const t = useT();
  const empty = <span className="diff-empty">{t('diff.rows.empty')}</span>;
  const direction = change.delta
    ? change.delta.startsWith('-')
      ? 'down'
      : /^0+(\.0+)?$/.test(change.delta)
        ? 'flat'
        : 'up'
    : 'flat';
  return (
    <td
      className={`diff-changed${isNumber ? ' num' : ''}`}
      title={`${change.old ?? ''} → ${change.new ?? ''}`}
    >
      <span className="diff-values">
        <span className="diff-old">{change.old ?? empty}</span>
        <span aria-hidden="true" className="diff-arrow">
          →
        </span>
        <span className="visually-hidden"> {t('diff.rows.to')} </span>
        <span className="diff-new">{change.new ?? empty}</span>
      </span>
      {change.delta ? (
        <span className={`diff-delta diff-delta--${direction}`}>
          {formatDelta(change.delta)}
          {change.percent ? ` (${formatPercent(change.percent)})` : ''}
        </span>
      ) : null}
    </td>
  );
}
