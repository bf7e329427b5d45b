import { useId, useState } from 'react';
import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { toNumber } from '../chart-scale';
import { capacityLoadSeries, inventorySeries, itemLocationName, itemLocations } from '../plan-series';
import { LimitedRows } from './limited-rows';
import { LineChart } from './line-chart';

const LOAD_PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A load as people read it: `0.8125` -> `81.3%`. */
function formatLoad(load: string | null): string {
  const value = toNumber(load);
  return value === null ? '—' : `${LOAD_PERCENT.format(value * 100)}%`;
}

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
          <Stat term={t('run.plan.horizon')} value={`${result.horizon.periods[0] ?? ''} – ${result.horizon.periods.at(-1) ?? ''}`} detail={t('run.plan.periods', { count: result.horizon.periods.length, granularity: result.horizon.granularity })} />
          <Stat term={t('run.plan.itemLocations')} value={formatCount(summary.itemLocations)} detail={t('run.plan.items', { count: summary.items })} />
          <Stat term={t('run.plan.totalDemand')} value={summary.totalDemand} />
          <Stat term={t('run.plan.totalProduction')} value={summary.totalProduction} detail={t('run.plan.inbound', { value: summary.totalInbound })} />
          <Stat term={t('run.plan.peakLoad')} value={formatLoad(summary.peakLoad)} detail={t('run.plan.resources', { count: summary.resources })} tone={(toNumber(summary.peakLoad) ?? 0) > 1 ? 'bad' : undefined} />
          <Stat
            term={t('run.plan.shortages')}
            value={formatCount(summary.stockouts)}
            detail={t('run.plan.belowSafety', { count: summary.belowSafetyStock })}
            tone={summary.stockouts > 0 ? 'bad' : summary.belowSafetyStock > 0 ? 'warn' : 'good'}
          />
        </dl>
        {result.truncated ? <p className="muted">{t('run.plan.truncated', { limit: result.listLimit })}</p> : null}
        {outside.demand + outside.inbound + outside.capacity > 0 ? (
          <p className="muted">{t('run.plan.outside', { demand: outside.demand, inbound: outside.inbound, capacity: outside.capacity })}</p>
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

function Stat({ term, value, detail, tone }: { term: string; value: string; detail?: string; tone?: 'good' | 'warn' | 'bad' | undefined }) {
  return (
    <div className={`stat${tone ? ` stat--${tone}` : ''}`}>
      <dt>{term}</dt>
      <dd>
        <span className="stat-value num">{value}</span>
        {detail ? <span className="stat-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

/** A table's heading, saying when the run kept only the first rows of a long list. */
function TableTitle({ id, title, shown, total }: { id: string; title: string; shown: number; total: number }) {
  const t = useT();
  return (
    <div className="section-header">
      <h3 id={id}>{title}</h3>
      <span className="muted num">{shown < total ? t('run.plan.firstRows', { shown: formatCount(shown), total: formatCount(total) }) : formatCount(total)}</span>
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
          <select id={selectId} className="select select--small" value={itemLocation ?? ''} onChange={(event) => setItemLocation(event.target.value || null)}>
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
        {total > series.length ? <span className="muted">{t('run.chart.topResources', { shown: series.length, total })}</span> : null}
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

function InventoryTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <section className="card stack-s" aria-labelledby="inventory-table-title">
      <TableTitle id="inventory-table-title" title={t('run.table.inventory')} shown={result.inventory.length} total={result.summary.rows.inventory} />
      <LimitedRows rows={result.inventory}>
        {(rows) => (
          <div className="table-scroll table-scroll--limited">
            <table className="table table--compact table--plan">
              <caption className="visually-hidden">{t('run.table.inventory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('run.col.item')}</th>
                  <th scope="col">{t('run.col.location')}</th>
                  <th scope="col">{t('run.col.period')}</th>
                  <th scope="col" className="num">{t('run.col.opening')}</th>
                  <th scope="col" className="num">{t('run.col.inbound')}</th>
                  <th scope="col" className="num">{t('run.col.production')}</th>
                  <th scope="col" className="num">{t('run.col.demand')}</th>
                  <th scope="col" className="num">{t('run.col.projected')}</th>
                  <th scope="col" className="num">{t('run.col.safetyStock')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const projected = toNumber(row.projected) ?? 0;
                  const tone = projected < 0 ? 'cell--bad' : projected < (toNumber(row.safetyStock) ?? 0) ? 'cell--warn' : '';
                  return (
                    <tr key={`${itemLocationName(row.itemCode, row.locationCode)}|${row.period}`}>
                      <td className="mono">{row.itemCode}</td>
                      <td className="mono">{row.locationCode}</td>
                      <td className="mono">{row.period}</td>
                      <td className="num">{row.opening}</td>
                      <td className="num">{row.inbound}</td>
                      <td className="num">{row.production}</td>
                      <td className="num">{row.demand}</td>
                      <td className={`num strong ${tone}`}>{row.projected}</td>
                      <td className="num">{row.safetyStock}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </LimitedRows>
    </section>
  );
}

function CapacityTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <section className="card stack-s" aria-labelledby="capacity-table-title">
      <TableTitle id="capacity-table-title" title={t('run.table.capacity')} shown={result.capacityLoad.length} total={result.summary.rows.capacityLoad} />
      <LimitedRows rows={result.capacityLoad}>
        {(rows) => (
          <div className="table-scroll table-scroll--limited">
            <table className="table table--compact table--plan">
              <caption className="visually-hidden">{t('run.table.capacity')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('run.col.resource')}</th>
                  <th scope="col">{t('run.col.period')}</th>
                  <th scope="col" className="num">{t('run.col.availableHours')}</th>
                  <th scope="col" className="num">{t('run.col.usedHours')}</th>
                  <th scope="col" className="num">{t('run.col.load')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.resourceCode}|${row.period}`}>
                    <td className="mono">{row.resourceCode}</td>
                    <td className="mono">{row.period}</td>
                    <td className="num">{row.availableHours}</td>
                    <td className="num">{row.usedHours}</td>
                    <td className={`num strong${(toNumber(row.load) ?? 0) > 1 ? ' cell--bad' : ''}`}>{formatLoad(row.load)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LimitedRows>
    </section>
  );
}

function ShortagesTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <section className="card stack-s" aria-labelledby="shortages-title">
      <TableTitle id="shortages-title" title={t('run.table.shortages')} shown={result.shortages.length} total={result.summary.rows.shortages} />
      {result.shortages.length === 0 ? (
        <p className="muted">{t('run.table.noShortages')}</p>
      ) : (
        <LimitedRows rows={result.shortages}>
          {(rows) => (
            <div className="table-scroll table-scroll--limited">
              <table className="table table--compact table--plan">
                <caption className="visually-hidden">{t('run.table.shortages')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('run.col.kind')}</th>
                    <th scope="col">{t('run.col.item')}</th>
                    <th scope="col">{t('run.col.location')}</th>
                    <th scope="col">{t('run.col.period')}</th>
                    <th scope="col" className="num">{t('run.col.projected')}</th>
                    <th scope="col" className="num">{t('run.col.safetyStock')}</th>
                    <th scope="col" className="num">{t('run.col.missing')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.kind}|${row.itemCode}|${row.locationCode}|${row.period}`}>
                      <td>
                        <span className={`severity severity--${row.kind === 'stockout' ? 'error' : 'warning'}`}>
                          {t(row.kind === 'stockout' ? 'run.shortage.stockout' : 'run.shortage.belowSafetyStock')}
                        </span>
                      </td>
                      <td className="mono">{row.itemCode}</td>
                      <td className="mono">{row.locationCode}</td>
                      <td className="mono">{row.period}</td>
                      <td className="num">{row.projected}</td>
                      <td className="num">{row.safetyStock}</td>
                      <td className="num strong">{row.quantity}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LimitedRows>
      )}
    </section>
  );
}
