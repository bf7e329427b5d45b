import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import { WEEKS, createBundleShape } from './bundle-shape';
import {
  generateCalendar,
  generateCapacity,
  generateDemand,
  generateInbound,
  generateInventory,
  generateMix,
  generatePeriodMetrics,
} from './generate-tables';
import { createSeededRandom } from './seeded-random';

export type TGenerateBundleOptions = { demandRows: number; seed?: number };

export type TGeneratedTable = Exclude<TTableName, 'params'>;

export type TGeneratedBundle = {
  params: Record<string, unknown>;
  /** Each call starts the table over and yields the same rows again (valid, canonical, unique keys). */
  tables: Record<TGeneratedTable, () => Generator<TRow>>;
};

/**
 * A synthetic, valid bundle for tests and benchmarks, at realistic ratios:
 * weekly periods over 2027, demand for every (item, location, week) up to
 * `demandRows`, a calendar covering all weeks, capacity for every resource,
 * mix shares summing exactly to 1 per resource, one inbound row per 20 demand
 * rows, Japanese item codes (`部品-010`). Pure and seedable.
 */
export function generateBundle({ demandRows, seed = 1 }: TGenerateBundleOptions): TGeneratedBundle {
  const shape = createBundleShape(demandRows);
  // Each table has its own stream of numbers, so a table reads the same alone or after the others.
  const random = (table: number) => createSeededRandom(seed * 31 + table);
  return {
    params: {
      horizon_start: shape.week(0),
      horizon_periods: WEEKS,
      period_granularity: 'week',
      service_level: 0.95,
      planner: '需給計画チーム',
    },
    tables: {
      demand: () => generateDemand(shape, random(1)),
      capacity: () => generateCapacity(shape, random(2)),
      mix: () => generateMix(shape, random(3)),
      inventory: () => generateInventory(shape, random(4)),
      inbound: () => generateInbound(shape, random(5)),
      period_metrics: () => generatePeriodMetrics(shape, random(6)),
      calendar: () => generateCalendar(),
    },
  };
}
