import { useId } from 'react';
import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { useT } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { LoadingState } from '../../../components/ui/state-views';
import { formatExactNumber, formatSignedExact } from '../diff-rules';
import { BeforeAfterCells, NumHeaders } from './moved-cells';
import { formatAxisValue, niceTicks } from '../../../lib/chart-scale';
import { measureName } from '../moved-rules';

type TMovedChartProps = {
  /** The measure's totals in key order (periods in time order); undefined while they load. */
  answer: TDiffSummaryResponse | undefined;
  isError: boolean;
};

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 34;
const LEFT = 52;
const GROUP_WIDTH = 60;
const BAR_WIDTH = 18;

/**
 * Before and after of one column by period (by location for inventory), as bars: a
 * hand-made SVG, with its numbers in a table for screen readers and for anyone who
 * wants them exact (docs/design.md section 6).
 */
export function MovedChart({ answer, isError }: TMovedChartProps) {
  const t = useT();
  const titleId = useId();
  if (isError) return <p className="alert alert--warning">{t('diff.moved.chart.error')}</p>;
  if (!answer) return <LoadingState label={t('diff.moved.chart.loading')} />;
  const measure = measureName(answer);
  const title = t('diff.moved.chart.title', { measure, by: answer.by });
  const groups = answer.groups;
  if (groups.length === 0) {
    return (
      <figure className="moved-chart stack-s" aria-labelledby={titleId}>
        <figcaption id={titleId} className="moved-chart-title">
          {title}
        </figcaption>
        <p className="muted">{t('diff.moved.chart.empty')}</p>
      </figure>
    );
  }

  const values = groups
    .flatMap((group) => [Number(group.before), Number(group.after)])
    .filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const width = LEFT + groups.length * GROUP_WIDTH + 8;
  const bar = (value: string, x: number, kind: 'before' | 'after', label: string) => {
    const number = Number(value);
    const top = Math.min(y(number), y(0));
    return (
      <rect
        className={`chart-bar--${kind}`}
        x={x}
        y={top}
        width={BAR_WIDTH}
        height={Math.max(1, Math.abs(y(number) - y(0)))}
      >
        <title>{label}</title>
      </rect>
    );
  };

  return (
    <figure className="moved-chart stack-s" aria-labelledby={titleId}>
      <figcaption id={titleId} className="moved-chart-title">
        {title}
      </figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-swatch chart-swatch--before" />{' '}
          {t('diff.moved.chart.before', { ref: answer.against })}
        </li>
        <li>
          <span className="chart-swatch chart-swatch--after" />{' '}
          {t('diff.moved.chart.after', { ref: answer.ref })}
        </li>
      </ul>
      <TableScroll label={title} className="chart-scroll">
        <svg
          className="chart"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={t('diff.moved.chart.alt', { measure, by: answer.by, count: groups.length })}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line className="chart-gridline" x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
              <text className="chart-axis" x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                {formatAxisValue(tick)}
              </text>
            </g>
          ))}
          {groups.map((group, index) => {
            const x = LEFT + index * GROUP_WIDTH + (GROUP_WIDTH - 2 * BAR_WIDTH - 4) / 2;
            return (
              <g key={group.key}>
                {bar(
                  group.before,
                  x,
                  'before',
                  `${group.key} · ${t('diff.moved.col.before')} ${formatExactNumber(group.before)}`,
                )}
                {bar(
                  group.after,
                  x + BAR_WIDTH + 4,
                  'after',
                  `${group.key} · ${t('diff.moved.col.after')} ${formatExactNumber(group.after)}`,
                )}
                <text
                  className="chart-axis"
                  x={LEFT + index * GROUP_WIDTH + GROUP_WIDTH / 2}
                  y={HEIGHT - BOTTOM + 16}
                  textAnchor="middle"
                >
                  {group.key.length > 9 ? `${group.key.slice(0, 8)}…` : group.key}
                </text>
              </g>
            );
          })}
          <line className="chart-zero" x1={LEFT} x2={width} y1={y(0)} y2={y(0)} />
        </svg>
      </TableScroll>
      {answer.total > groups.length ? (
        <p className="moved-note">
          {t('diff.moved.chart.firstGroups', { shown: groups.length, total: answer.total })}
        </p>
      ) : null}
      <details className="chart-numbers">
        <summary>{t('diff.moved.chart.numbers')}</summary>
        <TableScroll label={title} className="table-scroll--limited">
          <table className="table table--moved">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="mono">
                  {answer.by}
                </th>
                <NumHeaders
                  labels={[t('diff.moved.col.before'), t('diff.moved.col.after'), t('diff.moved.col.delta')]}
                />
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.key}>
                  <th scope="row" className="mono">
                    {group.key}
                  </th>
                  <BeforeAfterCells before={group.before} after={group.after} />
                  <td className="num">{formatSignedExact(group.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
