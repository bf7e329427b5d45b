import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { toNumber } from '../chart-scale';
import { formatLoad, itemLocationName } from '../plan-series';
import { LimitedRows } from './limited-rows';

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

/** Projected inventory per item, location and period; below safety stock and stockouts stand out. */
export function InventoryTable({ result }: { result: TPlanResult }) {
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

/** Capacity load per resource and period; overloads stand out. */
export function CapacityTable({ result }: { result: TPlanResult }) {
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

/** Stockouts and periods below safety stock. */
export function ShortagesTable({ result }: { result: TPlanResult }) {
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
