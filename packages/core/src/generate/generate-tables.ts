import type { TRow } from '@planning-hub/contracts/tables';
import { canonicalDecimal } from '../canonical/canonical-decimal';
import { isoWeekOf, mondayOfIsoWeek } from '../values/iso-week';
import {
  INBOUND_EVERY,
  LOCATIONS,
  ROWS_PER_ITEM,
  WEEKS,
  YEAR,
  randomAmount,
  type TBundleShape,
} from './bundle-shape';

const SHARE_UNITS = 1_000_000;

/** Demand for every (item, location, week) in that order, until `demandRows`. */
export function* generateDemand(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let i = 0; i < shape.demandRows; i++) {
    yield {
      item_code: shape.itemCode(Math.floor(i / ROWS_PER_ITEM)),
      location_code: LOCATIONS[Math.floor(i / WEEKS) % LOCATIONS.length]!,
      period: shape.week(i % WEEKS),
      quantity: randomAmount(next, 500),
      uom: i % 3 === 0 ? '個' : i % 3 === 1 ? 'pcs' : null,
    };
  }
}

export function* generateCapacity(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let r = 0; r < shape.resourceCount; r++) {
    for (let w = 0; w < WEEKS; w++) {
      yield {
        resource_code: shape.resourceCode(r),
        period: shape.week(w),
        available_hours: randomAmount(next, 100, 1),
      };
    }
  }
}

/** Item i runs on resource i mod R; a resource's shares are millionths that add up to exactly 1. */
export function* generateMix(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let r = 0; r < shape.resourceCount; r++) {
    const items: number[] = [];
    for (let i = r; i < shape.itemCount; i += shape.resourceCount) items.push(i);
    const base = Math.floor(SHARE_UNITS / Math.max(1, items.length));
    const remainder = SHARE_UNITS - base * items.length;
    for (const [position, i] of items.entries()) {
      const units = base + (position < remainder ? 1 : 0);
      yield {
        resource_code: shape.resourceCode(r),
        item_code: shape.itemCode(i),
        share: canonicalDecimal((units / SHARE_UNITS).toFixed(6))!,
        units_per_hour: randomAmount(next, 50, 1),
      };
    }
  }
}

export function* generateInventory(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let i = 0; i < shape.itemCount; i++) {
    for (const location of LOCATIONS) {
      yield {
        item_code: shape.itemCode(i),
        location_code: location,
        on_hand: randomAmount(next, 1000),
        safety_stock: randomAmount(next, 100),
      };
    }
  }
}

/** One purchase order per INBOUND_EVERY demand rows, for that row's item, location and week. */
export function* generateInbound(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let i = 0; i < shape.demandRows; i += INBOUND_EVERY) {
    yield {
      item_code: shape.itemCode(Math.floor(i / ROWS_PER_ITEM)),
      location_code: LOCATIONS[Math.floor(i / WEEKS) % LOCATIONS.length]!,
      period: shape.week(i % WEEKS),
      reference: `PO-${String(i / INBOUND_EVERY + 1).padStart(7, '0')}`,
      quantity: randomAmount(next, 800, 1),
    };
  }
}

export function* generatePeriodMetrics(shape: TBundleShape, next: () => number): Generator<TRow> {
  for (let w = 0; w < WEEKS; w++) {
    yield { period: shape.week(w), metric: 'fx_usd_jpy', value: randomAmount(next, 20, 140) };
    yield { period: shape.week(w), metric: 'working_days', value: '5' };
    yield { period: shape.week(w), metric: '需要係数', value: randomAmount(next, 1, 1) };
  }
}

/** Every day of the 52 weeks: Monday to Friday working (8 h, Friday 7.5 h), weekends off. */
export function* generateCalendar(): Generator<TRow> {
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
}
