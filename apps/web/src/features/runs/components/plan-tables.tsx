import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { useT } from '../../../i18n/i18n-context';
import { Figure } from '../../../components/ui/figure';
import { toNumber } from '../../../lib/chart-scale';
import { formatLoad, itemLocationName } from '../plan-series';
import { PlanTable } from './plan-table';

/** Projected inventory per item, location and period; below safety stock and stockouts stand out. */
export function InventoryTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <PlanTable
      titleId="inventory-table-title"
      title={t('run.table.inventory')}
      rows={result.inventory}
      total={result.summary.rows.inventory}
      rowKey={(row) => `${itemLocationName(row.itemCode, row.locationCode)}|${row.period}`}
      columns={[
        { header: t('run.col.item'), kind: 'code', value: (row) => row.itemCode },
        { header: t('run.col.location'), kind: 'code', value: (row) => row.locationCode },
        { header: t('run.col.period'), kind: 'code', value: (row) => row.period },
        { header: t('run.col.opening'), kind: 'number', value: (row) => <Figure value={row.opening} /> },
        { header: t('run.col.inbound'), kind: 'number', value: (row) => <Figure value={row.inbound} /> },
        {
          header: t('run.col.production'),
          kind: 'number',
          value: (row) => <Figure value={row.production} />,
        },
        { header: t('run.col.demand'), kind: 'number', value: (row) => <Figure value={row.demand} /> },
        {
          header: t('run.col.projected'),
          kind: 'number',
          value: (row) => <Figure value={row.projected} />,
          isStrong: true,
          tone: (row) => {
            const projected = toNumber(row.projected) ?? 0;
            return projected < 0 ? 'bad' : projected < (toNumber(row.safetyStock) ?? 0) ? 'warn' : null;
          },
        },
        {
          header: t('run.col.safetyStock'),
          kind: 'number',
          value: (row) => <Figure value={row.safetyStock} />,
        },
      ]}
    />
  );
}

/** Capacity load per resource and period; overloads stand out. */
export function CapacityTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <PlanTable
      titleId="capacity-table-title"
      title={t('run.table.capacity')}
      rows={result.capacityLoad}
      total={result.summary.rows.capacityLoad}
      rowKey={(row) => `${row.resourceCode}|${row.period}`}
      columns={[
        { header: t('run.col.resource'), kind: 'code', value: (row) => row.resourceCode },
        { header: t('run.col.period'), kind: 'code', value: (row) => row.period },
        {
          header: t('run.col.availableHours'),
          kind: 'number',
          value: (row) => <Figure value={row.availableHours} />,
        },
        { header: t('run.col.usedHours'), kind: 'number', value: (row) => <Figure value={row.usedHours} /> },
        {
          header: t('run.col.load'),
          kind: 'number',
          value: (row) => formatLoad(row.load),
          isStrong: true,
          tone: (row) => ((toNumber(row.load) ?? 0) > 1 ? 'bad' : null),
        },
      ]}
    />
  );
}

/** Stockouts and periods below safety stock. */
export function ShortagesTable({ result }: { result: TPlanResult }) {
  const t = useT();
  return (
    <PlanTable
      titleId="shortages-title"
      title={t('run.table.shortages')}
      rows={result.shortages}
      total={result.summary.rows.shortages}
      emptyText={t('run.table.noShortages')}
      rowKey={(row) => `${row.kind}|${row.itemCode}|${row.locationCode}|${row.period}`}
      columns={[
        {
          header: t('run.col.kind'),
          kind: 'text',
          value: (row) => (
            <span className={`severity severity--${row.kind === 'stockout' ? 'error' : 'warning'}`}>
              {t(row.kind === 'stockout' ? 'run.shortage.stockout' : 'run.shortage.belowSafetyStock')}
            </span>
          ),
        },
        { header: t('run.col.item'), kind: 'code', value: (row) => row.itemCode },
        { header: t('run.col.location'), kind: 'code', value: (row) => row.locationCode },
        { header: t('run.col.period'), kind: 'code', value: (row) => row.period },
        { header: t('run.col.projected'), kind: 'number', value: (row) => <Figure value={row.projected} /> },
        {
          header: t('run.col.safetyStock'),
          kind: 'number',
          value: (row) => <Figure value={row.safetyStock} />,
        },
        {
          header: t('run.col.missing'),
          kind: 'number',
          value: (row) => <Figure value={row.quantity} />,
          isStrong: true,
        },
      ]}
    />
  );
}
