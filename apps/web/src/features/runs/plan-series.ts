import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { toNumber } from '../../lib/chart-scale';

const LOAD_PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A load as people read it: `0.8125` -> `81.3%`. */
export function formatLoad(load: string | null): string {
  const value = toNumber(load);
  return value === null ? '—' : `${LOAD_PERCENT.format(value * 100)}%`;
}

export type TSeries = { name: string; values: (number | null)[] };

/** `ITEM @ LOCATION`, how item-location pairs are named in charts and selects. */
export const itemLocationName = (itemCode: string, locationCode: string) => `${itemCode} @ ${locationCode}`;

/** Item-location pairs in the order the plan lists them. */
export function itemLocations(result: TPlanResult): string[] {
  const names = new Set<string>();
  for (const row of result.inventory) names.add(itemLocationName(row.itemCode, row.locationCode));
  return [...names];
}

/**
 * Projected inventory and safety stock per period, of one item-location or (null)
 * summed over all of them.
 */
export function inventorySeries(
  result: TPlanResult,
  itemLocation: string | null,
): { projected: TSeries; safetyStock: TSeries } {
  const periods = result.horizon.periods;
  const index = new Map(periods.map((period, i) => [period, i]));
  const projected: (number | null)[] = periods.map(() => null);
  const safety: (number | null)[] = periods.map(() => null);
  for (const row of result.inventory) {
    if (itemLocation !== null && itemLocationName(row.itemCode, row.locationCode) !== itemLocation) continue;
    const i = index.get(row.period);
    if (i === undefined) continue;
    projected[i] = (projected[i] ?? 0) + (toNumber(row.projected) ?? 0);
    safety[i] = (safety[i] ?? 0) + (toNumber(row.safetyStock) ?? 0);
  }
  return {
    projected: { name: 'projected', values: projected },
    safetyStock: { name: 'safetyStock', values: safety },
  };
}

/**
 * Load (used / available hours, in percent) per resource and period. With more
 * resources than `maxSeries`, the ones with the highest peak load.
 */
export function capacityLoadSeries(result: TPlanResult, maxSeries = 8): { series: TSeries[]; total: number } {
  const periods = result.horizon.periods;
  const index = new Map(periods.map((period, i) => [period, i]));
  const byResource = new Map<string, (number | null)[]>();
  for (const row of result.capacityLoad) {
    let values = byResource.get(row.resourceCode);
    if (!values) {
      values = periods.map(() => null);
      byResource.set(row.resourceCode, values);
    }
    const i = index.get(row.period);
    const load = toNumber(row.load);
    if (i !== undefined && load !== null) values[i] = load * 100;
  }
  const peak = (values: (number | null)[]) => Math.max(...values.map((v) => v ?? 0));
  const series = [...byResource.entries()].map(([name, values]) => ({ name, values }));
  const shown =
    series.length > maxSeries
      ? [...series].sort((a, b) => peak(b.values) - peak(a.values)).slice(0, maxSeries)
      : series;
  return { series: shown, total: series.length };
}
