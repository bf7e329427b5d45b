import { useId, useState } from 'react';
import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { formatCount, formatFigure } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { toNumber } from '../../../lib/chart-scale';
import { capacityLoadSeries, formatLoad, inventorySeries, itemLocations } from '../plan-series';
import { LineChart } from './line-chart';
import { CapacityTable, InventoryTable, ShortagesTable } from './plan-tables';

/** The plan a run computed (docs/plan-computation.md): summary, two charts, and the tables behind them. */
export function PlanResult({ result }: { result: TPlanResult }) {
  const t = useT();
  const { summary } = result;
  const outside = summary.outsideHorizon;
  return (
    <div className="stack-l">
      <section className="card stack" aria-labelledby="plan-summary-title">
        <h2 id="plan-summary-title">{t('run.plan.title')}</h2>
        <dl className="stat-grid">
          <Stat
            term={t('run.plan.horizon')}
            value={`${result.horizon.periods[0] ?? ''} – ${result.horizon.periods.at(-1) ?? ''}`}
            detail={t('run.plan.periods', {
              count: result.horizon.periods.length,
              granularity: t(`run.granularity.${result.horizon.granularity}`),
            })}
          />
          <Stat
            term={t('run.plan.itemLocations')}
            value={formatCount(summary.itemLocations)}
            detail={t('run.plan.items', { count: summary.items })}
          />
          <Stat
            term={t('run.plan.totalDemand')}
            value={formatFigure(summary.totalDemand)}
            exact={summary.totalDemand}
          />
          <Stat
            term={t('run.plan.totalProduction')}
            value={formatFigure(summary.totalProduction)}
            exact={summary.totalProduction}
            detail={t('run.plan.inbound', { value: formatFigure(summary.totalInbound) })}
          />
          <Stat
            term={t('run.plan.peakLoad')}
            value={formatLoad(summary.peakLoad)}
            detail={t('run.plan.resources', { count: summary.resources })}
            tone={(toNumber(summary.peakLoad) ?? 0) > 1 ? 'bad' : undefined}
          />
          <Stat
            term={t('run.plan.shortages')}
            value={formatCount(summary.stockouts)}
            detail={t('run.plan.belowSafety', { count: summary.belowSafetyStock })}
            tone={summary.stockouts > 0 ? 'bad' : summary.belowSafetyStock > 0 ? 'warn' : 'good'}
          />
        </dl>
        {result.truncated ? (
          <p className="muted">{t('run.plan.truncated', { limit: result.listLimit })}</p>
        ) : null}
        {outside.demand + outside.inbound + outside.capacity > 0 ? (
          <p className="muted">
            {t('run.plan.outside', {
              demand: outside.demand,
              inbound: outside.inbound,
              capacity: outside.capacity,
            })}
          </p>
        ) : null}
      </section>

      <div className="chart-grid">
        <InventoryChart result={result} />
        <CapacityChart result={result} />
      </div>

      <InventoryTable result={result} />
      <CapacityTable result={result} />
      <ShortagesTable result={result} />
    </div>
  );
}

type TStatProps = {
  term: string;
  value: string;
  /** The exact decimal behind a rounded `value`, kept in the tooltip. */
  exact?: string;
  detail?: string;
  tone?: 'good' | 'warn' | 'bad' | undefined;
};

function Stat({ term, value, exact, detail, tone }: TStatProps) {
  return (
    <div className={`stat${tone ? ` stat--${tone}` : ''}`}>
      <dt>{term}</dt>
      <dd>
        <span
          className="stat-value num"
          title={exact && exact !== value.replace(/,/g, '') ? exact : undefined}
        >
          {value}
        </span>
        {detail ? <span className="stat-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

function InventoryChart({ result }: { result: TPlanResult }) {
  const t = useT();
  const selectId = useId();
  const [itemLocation, setItemLocation] = useState<string | null>(null);
  const pairs = itemLocations(result);
  const series = inventorySeries(result, itemLocation);
  const name = itemLocation ?? t('run.chart.allItemLocations');
  return (
    <section className="card stack-s" aria-labelledby="inventory-chart-title">
      <div className="section-header">
        <h3 id="inventory-chart-title">{t('run.chart.inventory')}</h3>
        <div className="field field--inline">
          <label htmlFor={selectId} className="visually-hidden">
            {t('run.chart.itemLocation')}
          </label>
          <select
            id={selectId}
            className="select select--small"
            value={itemLocation ?? ''}
            onChange={(event) => setItemLocation(event.target.value || null)}
          >
            <option value="">{t('run.chart.allItemLocations')}</option>
            {pairs.map((pair) => (
              <option key={pair} value={pair}>
                {pair}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LineChart
        title={t('run.chart.inventoryTitle', { name })}
        description={t('run.chart.inventoryDescription', { name })}
        periods={result.horizon.periods}
        lines={[
          { ...series.projected, label: t('run.chart.projected') },
          { ...series.safetyStock, label: t('run.chart.safetyStock'), colour: '#8a93a3', isDashed: true },
        ]}
      />
    </section>
  );
}

function CapacityChart({ result }: { result: TPlanResult }) {
  const t = useT();
  const { series, total } = capacityLoadSeries(result);
  return (
    <section className="card stack-s" aria-labelledby="capacity-chart-title">
      <div className="section-header">
        <h3 id="capacity-chart-title">{t('run.chart.capacity')}</h3>
        {total > series.length ? (
          <span className="muted">{t('run.chart.topResources', { shown: series.length, total })}</span>
        ) : null}
      </div>
      <LineChart
        title={t('run.chart.capacity')}
        description={t('run.chart.capacityDescription')}
        periods={result.horizon.periods}
        lines={series.map((line) => ({ ...line, label: line.name }))}
        reference={{ value: 100, label: '100%' }}
        unit="%"
      />
    </section>
  );
}
