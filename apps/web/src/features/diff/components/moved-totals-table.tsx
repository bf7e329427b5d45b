import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { formatCount } from '../../../lib/format';
import { useT, useTc } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { formatSignedExact } from '../diff-rules';
import { BeforeAfterCells, DeltaCell, NumHeaders, PercentCell } from './moved-cells';
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
              <NumHeaders
                labels={[
                  t('diff.moved.col.before'),
                  t('diff.moved.col.after'),
                  t('diff.moved.col.delta'),
                  t('diff.moved.col.percent'),
                  t('diff.kind.added'),
                  t('diff.kind.removed'),
                  t('diff.kind.changed'),
                ]}
              />
              <th scope="col">{t('diff.moved.col.hidden')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.totals.map((totals) => {
              const name = measureName(totals);
              const isSelected = name === measureName(selected);
              const tolerance = formatTolerance(totals.column, totals.tolerance);
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
                  <BeforeAfterCells before={totals.before} after={totals.after} />
                  <DeltaCell delta={totals.delta} />
                  <PercentCell percent={totals.percent} />
                  <td className="num">{formatCount(totals.added)}</td>
                  <td className="num">{formatCount(totals.removed)}</td>
                  <td className="num">{formatCount(totals.changed)}</td>
                  <td className="moved-hidden">
                    {tolerance ? (
                      <>
                        <span className="num">{formatCount(totals.hidden)}</span>{' '}
                        <span className="muted mono">({tolerance})</span>
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
