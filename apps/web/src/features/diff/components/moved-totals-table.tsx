import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { formatCount } from '../../../lib/format';
import { useT, useTc } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { formatExactNumber, formatPercent, formatSignedExact } from '../diff-rules';
import { formatTolerance, measureName, type TMeasure } from '../moved-rules';

type TMovedTotalsTableProps = {
  summary: TDiffSummaryResponse;
  selected: TMeasure;
  onSelect: (measure: TMeasure) => void;
};

/**
 * The totals of every quantity-like column before and after, with the keys behind the
 * change and the changes hidden by a tolerance (docs/design.md section 6). A column's
 * name picks it for the chart and the movers.
 */
export function MovedTotalsTable({ summary, selected, onSelect }: TMovedTotalsTableProps) {
  const t = useT();
  const tc = useTc();
  const hidden = summary.totals.filter((totals) => totals.hidden > 0);
  return (
    <div className="stack-s">
      <TableScroll label={t('diff.moved.totals.caption')}>
        <table className="table table--moved">
          <caption className="visually-hidden">{t('diff.moved.totals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diff.moved.col.measure')}</th>
              <th scope="col" className="num">
                {t('diff.moved.col.before')}
              </th>
              <th scope="col" className="num">
                {t('diff.moved.col.after')}
              </th>
              <th scope="col" className="num">
                {t('diff.moved.col.delta')}
              </th>
              <th scope="col" className="num">
                {t('diff.moved.col.percent')}
              </th>
              <th scope="col" className="num">
                {t('diff.kind.added')}
              </th>
              <th scope="col" className="num">
                {t('diff.kind.removed')}
              </th>
              <th scope="col" className="num">
                {t('diff.kind.changed')}
              </th>
              <th scope="col">{t('diff.moved.col.hidden')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.totals.map((totals) => {
              const name = measureName(totals);
              const isSelected = name === measureName(selected);
              const tolerance = formatTolerance(totals.column, totals.tolerance);
              const direction = totals.delta.startsWith('-') ? 'moved-down' : totals.delta === '0' ? '' : 'moved-up';
              return (
                <tr key={name} className={isSelected ? 'moved-row--selected' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="moved-measure"
                      aria-pressed={isSelected}
                      aria-label={t('diff.moved.pick', { measure: name })}
                      onClick={() => onSelect({ table: totals.table, column: totals.column })}
                    >
                      {name}
                    </button>
                  </th>
                  <td className="num">{formatExactNumber(totals.before)}</td>
                  <td className="num">{formatExactNumber(totals.after)}</td>
                  <td className={`num ${direction}`}>{formatSignedExact(totals.delta)}</td>
                  <td className="num">{totals.percent === null ? <span className="muted">—</span> : formatPercent(totals.percent)}</td>
                  <td className="num">{formatCount(totals.added)}</td>
                  <td className="num">{formatCount(totals.removed)}</td>
                  <td className="num">{formatCount(totals.changed)}</td>
                  <td className="moved-hidden">
                    {tolerance ? (
                      <>
                        <span className="num">{formatCount(totals.hidden)}</span> <span className="muted mono">({tolerance})</span>
                      </>
                    ) : (
                      <span className="muted">{t('diff.moved.noTolerance')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {hidden.map((totals) => (
        <p key={measureName(totals)} className="moved-note" data-testid="moved-hidden-note">
          {tc('diff.moved.hiddenNote', totals.hidden, {
            measure: measureName(totals),
            tolerance: formatTolerance(totals.column, totals.tolerance) ?? '',
            delta: formatSignedExact(totals.hiddenDelta),
          })}
        </p>
      ))}
    </div>
  );
}
