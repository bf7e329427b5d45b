import { useId } from 'react';
import { dimensionsOf, type TDiffDimension } from '@planning-hub/contracts/api/diff';
import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { BeforeAfterCells, DeltaCell, NumHeaders, PercentCell } from './moved-cells';
import { measureName } from '../moved-rules';

type TMoversTableProps = {
  /** One measure's groups, the largest change (either way) first. */
  summary: TDiffSummaryResponse;
  onByChange: (by: TDiffDimension) => void;
  /** Opens the cell diff on the rows of one item, location, period or resource. */
  onShowRows: (key: string) => void;
  /** Undefined when every mover is shown, or the longest list is. */
  onShowMore: (() => void) | undefined;
};

/** The top movers: the items (locations, periods, resources) whose total moved most, by |Δ|. */
export function MoversTable({ summary, onByChange, onShowRows, onShowMore }: TMoversTableProps) {
  const t = useT();
  const id = useId();
  const measure = measureName(summary);
  const title = t('diff.moved.movers.title', { measure, by: summary.by });
  return (
    <section className="stack-s" aria-labelledby={`${id}-title`}>
      <div className="movers-header">
        <h4 id={`${id}-title`} className="moved-chart-title">
          {title}
        </h4>
        <div className="field field--inline">
          <label htmlFor={`${id}-by`}>{t('diff.moved.movers.by')}</label>
          <select
            id={`${id}-by`}
            className="select mono"
            value={summary.by}
            onChange={(event) => onByChange(event.target.value as TDiffDimension)}
          >
            {dimensionsOf(summary.table).map((dimension) => (
              <option key={dimension} value={dimension}>
                {dimension}
              </option>
            ))}
          </select>
        </div>
      </div>
      {summary.groups.length === 0 ? (
        <p className="muted">{t('diff.moved.movers.none')}</p>
      ) : (
        <TableScroll label={title}>
          <table className="table table--moved table--movers">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="mono">
                  {summary.by}
                </th>
                <NumHeaders
                  labels={[
                    t('diff.moved.col.delta'),
                    t('diff.moved.col.percent'),
                    t('diff.moved.col.before'),
                    t('diff.moved.col.after'),
                  ]}
                />
                <th scope="col">{t('diff.moved.col.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.groups.map((group) => {
                return (
                  <tr key={group.key} className="mover-row">
                    <th scope="row">
                      <button
                        type="button"
                        className="mover-key mono"
                        aria-label={t('diff.moved.movers.show', { key: group.key })}
                        onClick={() => onShowRows(group.key)}
                      >
                        {group.key}
                      </button>
                    </th>
                    <DeltaCell delta={group.delta} />
                    <PercentCell percent={group.percent} />
                    <BeforeAfterCells before={group.before} after={group.after} />
                    <td className="muted">
                      <MoverKeys
                        added={group.added}
                        removed={group.removed}
                        changed={group.changed}
                        hidden={group.hidden}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="moved-note">
        {t('diff.moved.movers.shown', { shown: summary.groups.length, total: summary.total })}{' '}
        {onShowMore ? (
          <button type="button" className="btn btn--secondary btn--small" onClick={onShowMore}>
            {t('diff.moved.movers.more')}
          </button>
        ) : null}
      </p>
    </section>
  );
}

/** `2 removed · 1 hidden`: the keys behind a mover's change. */
function MoverKeys({
  added,
  removed,
  changed,
  hidden,
}: {
  added: number;
  removed: number;
  changed: number;
  hidden: number;
}) {
  const t = useT();
  const parts = [
    added > 0 ? t('diff.totals.added', { count: formatCount(added) }) : null,
    removed > 0 ? t('diff.totals.removed', { count: formatCount(removed) }) : null,
    changed > 0 ? t('diff.totals.changed', { count: formatCount(changed) }) : null,
    hidden > 0 ? t('diff.moved.hiddenCount', { count: formatCount(hidden) }) : null,
  ].filter((part): part is string => part !== null);
  return <>{parts.length > 0 ? parts.join(' · ') : '—'}</>;
}
