import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import { canonicalDecimal } from '../canonical/canonical-decimal';
import { isoWeekOf, mondayOfIsoWeek } from '../values/iso-week';
import { createSeededRandom } from './seeded-random';

export type TGenerateBundleOptions = { demandRows: number; seed?: number };

export type TGeneratedTable = Exclude<TTableName, 'params'>;

export type TGeneratedBundle = {
  params: Record<string, unknown>;
  /** Each call starts the table over and yields the same rows again (valid, canonical, unique keys). */
  tables: Record<TGeneratedTable, () => Generator<TRow>>;
};

const YEAR = 2027;
const WEEKS = 52; // ISO year 2027 has 52 weeks
const LOCATIONS = ['東京DC', '大阪DC', '名古屋DC', '福岡DC', '札幌DC', 'SENDAI-01', 'HIROSHIMA-01', '0042'];
const ROWS_PER_ITEM = WEEKS * LOCATIONS.length;
const ITEMS_PER_RESOURCE = 40;
const INBOUND_EVERY = 20;
const SHARE_UNITS = 1_000_000;

/**
 * A synthetic, valid bundle for tests and benchmarks, at realistic ratios:
 * weekly periods over 2027, demand for every (item, location, week) up to
 * `demandRows`, a calendar covering all weeks, capacity for every resource,
 * mix shares summing exactly to 1 per resource, one inbound row per 20 demand
 * rows. Every tenth item has a Japanese code (`部品-010`). Pure and seedable.
 */
export function generateBundle({ demandRows, seed = 1 }: TGenerateBundleOptions): TGeneratedBundle {
  const itemCount = Math.max(1, Math.ceil(demandRows / ROWS_PER_ITEM));
  const resourceCount = Math.max(2, Math.ceil(itemCount / ITEMS_PER_RESOURCE));
  const width = Math.max(3, String(itemCount).length);
  const itemCode = (i: number) => `${i % 10 === 0 ? '部品' : 'ITEM'}-${String(i).padStart(width, '0')}`;
  const resourceCode = (r: number) => `${r % 2 === 0 ? 'ライン' : 'RES'}-${String(r).padStart(3, '0')}`;
  const week = (w: number) => `${YEAR}-W${String(w + 1).padStart(2, '0')}`;
  const random = (table: number) => createSeededRandom(seed * 31 + table);
  const amount = (next: () => number, max: number, isPositive: boolean) =>
    canonicalDecimal((Math.floor(next() * max * 100) / 100 + (isPositive ? 1 : 0)).toFixed(2))!;

  return {
    params: {
      horizon_start: week(0),
      horizon_periods: WEEKS,
      period_granularity: 'week',
      service_level: 0.95,
      planner: '需給計画チーム',
    },
    tables: {
      *demand() {
        const next = random(1);
        for (let i = 0; i < demandRows; i++) {
          const uom = i % 3 === 0 ? '個' : i % 3 === 1 ? 'pcs' : null;
          yield {
            item_code: itemCode(Math.floor(i / ROWS_PER_ITEM)),
            location_code: LOCATIONS[Math.floor(i / WEEKS) % LOCATIONS.length]!,
            period: week(i % WEEKS),
            quantity: amount(next, 500, false),
            uom,
          };
        }
      },
      *capacity() {
        const next = random(2);
        for (let r = 0; r < resourceCount; r++) {
          for (let w = 0; w < WEEKS; w++) {
            yield { resource_code: resourceCode(r), period: week(w), available_hours: amount(next, 100, true) };
          }
        }
      },
      *mix() {
        const next = random(3);
        for (let r = 0; r < resourceCount; r++) {
          const items: number[] = [];
          for (let i = r; i < itemCount; i += resourceCount) items.push(i);
          const base = Math.floor(SHARE_UNITS / Math.max(1, items.length));
          const remainder = SHARE_UNITS - base * items.length;
          for (const [position, i] of items.entries()) {
            const units = base + (position < remainder ? 1 : 0);
            yield {
              resource_code: resourceCode(r),
              item_code: itemCode(i),
              share: canonicalDecimal((units / SHARE_UNITS).toFixed(6))!,
              units_per_hour: amount(next, 50, true),
            };
          }
        }
      },
      *inventory() {
        const next = random(4);
        for (let i = 0; i < itemCount; i++) {
          for (const location of LOCATIONS) {
            yield {
              item_code: itemCode(i),
              location_code: location,
              on_hand: amount(next, 1000, false),
              safety_stock: amount(next, 100, false),
            };
          }
        }
      },
      *inbound() {
        const next = random(5);
        for (let i = 0; i < demandRows; i += INBOUND_EVERY) {
          yield {
            item_code: itemCode(Math.floor(i / ROWS_PER_ITEM)),
            location_code: LOCATIONS[Math.floor(i / WEEKS) % LOCATIONS.length]!,
            period: week(i % WEEKS),
            reference: `PO-${String(i / INBOUND_EVERY + 1).padStart(7, '0')}`,
            quantity: amount(next, 800, true),
          };
        }
      },
      *period_metrics() {
        const next = random(6);
        for (let w = 0; w < WEEKS; w++) {
          yield { period: week(w), metric: 'fx_usd_jpy', value: canonicalDecimal((140 + next() * 20).toFixed(2))! };
          yield { period: week(w), metric: 'working_days', value: '5' };
          yield { period: week(w), metric: '需要係数', value: amount(next, 1, true) };
        }
      },
      *calendar() {
        const monday = mondayOfIsoWeek(YEAR, 1);
        for (let day = 0; day < WEEKS * 7; day++) {
          const date = new Date(monday.getTime() + day * 86_400_000);
          const weekday = date.getUTCDay();
          const isWorking = weekday !== 0 && weekday !== 6;
          yield {
            date: date.toISOString().slice(0, 10),
            period: isoWeekOf(date),
            working: isWorking ? 'true' : 'false',
            hours: isWorking ? (weekday === 5 ? '7.5' : '8') : null,
          };
        }
      },
    },
  };
}
