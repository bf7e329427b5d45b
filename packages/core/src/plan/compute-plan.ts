import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { compareUtf8 } from '../canonical/compare-utf8';
import { allocateProduction } from './allocate-production';
import { listHorizonPeriods } from './horizon-periods';
import { PlanDecimal, ZERO, decimalText, maxDecimal, roundedText, type TPlanDecimal } from './plan-decimal';
import type { TPeriodQuantities, TPlanInput } from './plan-input';
import { readPlanParams } from './plan-params';

/** Rows per list a stored plan keeps (the summary counts them all). */
export const DEFAULT_PLAN_LIST_LIMIT = 10_000;

type TCappedList<T> = { rows: T[]; isFull: () => boolean; add: (make: () => T) => void };

/** Keeps the first `limit` rows; `make` is only called for rows that are kept. */
function createCappedList<T>(limit: number): TCappedList<T> {
  const rows: T[] = [];
  return {
    rows,
    isFull: () => rows.length >= limit,
    add: (make) => {
      if (rows.length < limit) rows.push(make());
    },
  };
}

type TPlanState = {
  input: TPlanInput;
  periods: string[];
  /** resource -> hours used per horizon period index */
  usedHours: Map<string, TPlanDecimal[]>;
  inventory: TCappedList<TPlanResult['inventory'][number]>;
  production: TCappedList<TPlanResult['production'][number]>;
  shortages: TCappedList<TPlanResult['shortages'][number]>;
  counts: { stockouts: number; belowSafetyStock: number };
  totals: { demand: TPlanDecimal; inbound: TPlanDecimal; production: TPlanDecimal };
};

const byCode = (a: string, b: string) => compareUtf8(a, b);

function sortedUnion(...sources: (Iterable<string> | undefined)[]): string[] {
  const all = new Set<string>();
  for (const source of sources) for (const code of source ?? []) all.add(code);
  return [...all].sort(byCode);
}

/**
 * The capacity-feasibility plan of one snapshot (docs/plan-computation.md): per
 * item, location and horizon period the projected inventory, production limited
 * by the item's share of each resource's hours, the load of every resource, and
 * the shortages. Pure and deterministic: the same input gives the same result.
 * Each list keeps its first `listLimit` rows in natural key order; the summary counts them all.
 */
export function computePlan(
  input: TPlanInput,
  { listLimit = DEFAULT_PLAN_LIST_LIMIT }: { listLimit?: number } = {},
): TPlanResult {
  const params = readPlanParams(input.params);
  const periods = listHorizonPeriods(params.horizonStart, params.horizonPeriods, params.granularity);
  const state: TPlanState = {
    input,
    periods,
    usedHours: new Map(),
    inventory: createCappedList(listLimit),
    production: createCappedList(listLimit),
    shortages: createCappedList(listLimit),
    counts: { stockouts: 0, belowSafetyStock: 0 },
    totals: { demand: ZERO, inbound: ZERO, production: ZERO },
  };
  const items = sortedUnion(input.demand.keys(), input.inbound.keys(), input.inventory.keys());
  let itemLocations = 0;
  for (const item of items) itemLocations += planItem(state, item);

  const resources = sortedUnion(input.capacity.keys(), ...[...input.mix.values()].map((m) => m.keys()));
  const capacityLoad = createCappedList<TPlanResult['capacityLoad'][number]>(listLimit);
  let peakLoad: TPlanDecimal | null = null;
  for (const resource of resources) {
    const used = state.usedHours.get(resource);
    periods.forEach((period, index) => {
      const available = input.capacity.get(resource)?.get(period) ?? ZERO;
      const hours = used?.[index] ?? ZERO;
      const load = available.isZero() ? null : hours.dividedBy(available);
      if (load !== null) peakLoad = peakLoad === null ? load : maxDecimal(peakLoad, load);
      capacityLoad.add(() => ({
        resourceCode: resource,
        period,
        availableHours: decimalText(available),
        usedHours: roundedText(hours),
        load: load === null ? null : roundedText(load),
      }));
    });
  }

  const rows = {
    inventory: itemLocations * periods.length,
    production: items.length * periods.length,
    capacityLoad: resources.length * periods.length,
    shortages: state.counts.stockouts + state.counts.belowSafetyStock,
  };
  return {
    horizon: { start: params.horizonStart, granularity: params.granularity, periods },
    summary: {
      items: items.length,
      itemLocations,
      resources: resources.length,
      totalDemand: decimalText(state.totals.demand),
      totalInbound: decimalText(state.totals.inbound),
      totalProduction: decimalText(state.totals.production),
      stockouts: state.counts.stockouts,
      belowSafetyStock: state.counts.belowSafetyStock,
      peakLoad: peakLoad === null ? null : roundedText(peakLoad),
      outsideHorizon: countOutsideHorizon(input, new Set(periods)),
      rows,
    },
    listLimit,
    truncated: Object.values(rows).some((count) => count > listLimit),
    inventory: state.inventory.rows,
    production: state.production.rows,
    capacityLoad: capacityLoad.rows,
    shortages: state.shortages.rows,
  };
}

/** What one item's resources can make in a period: sum of hours x share x units per hour. */
function producibleUnits(input: TPlanInput, item: string, period: string): TPlanDecimal {
  let total = ZERO;
  for (const [resource, mix] of input.mix.get(item) ?? []) {
    const hours = input.capacity.get(resource)?.get(period) ?? ZERO;
    total = total.plus(hours.times(mix.share).times(mix.unitsPerHour));
  }
  return total;
}

/** Books the hours an item's production takes: every resource at the same fraction of the item's slice. */
function bookHours(
  state: TPlanState,
  item: string,
  periodIndex: number,
  produced: TPlanDecimal,
  producible: TPlanDecimal,
): void {
  if (produced.isZero()) return;
  const period = state.periods[periodIndex]!;
  for (const [resource, mix] of state.input.mix.get(item) ?? []) {
    const hours = state.input.capacity.get(resource)?.get(period) ?? ZERO;
    const used = hours.times(mix.share).times(produced).dividedBy(producible);
    const perPeriod = state.usedHours.get(resource) ?? state.periods.map(() => ZERO);
    perPeriod[periodIndex] = perPeriod[periodIndex]!.plus(used);
    state.usedHours.set(resource, perPeriod);
  }
}

type TFlow = {
  period: string;
  opening: TPlanDecimal;
  inbound: TPlanDecimal;
  production: TPlanDecimal;
  demand: TPlanDecimal;
  projected: TPlanDecimal;
  requirement: TPlanDecimal;
};

type TLocationState = {
  locationCode: string;
  opening: TPlanDecimal;
  safetyStock: TPlanDecimal;
  demand: TPeriodQuantities | undefined;
  inbound: TPeriodQuantities | undefined;
  /** This item's periods, kept only while a list still has room for them. */
  flows: TFlow[];
};

/** Plans one item over the horizon; returns how many locations it has. */
function planItem(state: TPlanState, item: string): number {
  const { input, periods } = state;
  const demand = input.demand.get(item);
  const inbound = input.inbound.get(item);
  const inventory = input.inventory.get(item);
  const locations: TLocationState[] = sortedUnion(demand?.keys(), inbound?.keys(), inventory?.keys()).map(
    (code) => ({
      locationCode: code,
      opening: inventory?.get(code)?.onHand ?? ZERO,
      safetyStock: inventory?.get(code)?.safetyStock ?? ZERO,
      demand: demand?.get(code),
      inbound: inbound?.get(code),
      flows: [],
    }),
  );
  const isKeepingFlows = !state.inventory.isFull() || !state.shortages.isFull();

  periods.forEach((period, periodIndex) => {
    const requirements = locations.map((location) => {
      const d = location.demand?.get(period) ?? ZERO;
      const i = location.inbound?.get(period) ?? ZERO;
      return {
        demand: d,
        inbound: i,
        requirement: maxDecimal(ZERO, location.safetyStock.plus(d).minus(location.opening).minus(i)),
      };
    });
    const required = requirements.reduce((sum, r) => sum.plus(r.requirement), ZERO);
    const producible = producibleUnits(input, item, period);
    const produced = PlanDecimal.min(required, producible);
    const parts = allocateProduction(
      locations.map((l, k) => ({ locationCode: l.locationCode, requirement: requirements[k]!.requirement })),
      produced,
    );
    locations.forEach((location, k) => {
      const { demand: d, inbound: i, requirement } = requirements[k]!;
      const projected = location.opening.plus(i).plus(parts[k]!).minus(d);
      countShortage(state, projected, location.safetyStock);
      if (isKeepingFlows)
        location.flows.push({
          period,
          opening: location.opening,
          inbound: i,
          production: parts[k]!,
          demand: d,
          projected,
          requirement,
        });
      state.totals.demand = state.totals.demand.plus(d);
      state.totals.inbound = state.totals.inbound.plus(i);
      location.opening = projected;
    });
    bookHours(state, item, periodIndex, produced, producible);
    state.totals.production = state.totals.production.plus(produced);
    state.production.add(() => ({
      itemCode: item,
      period,
      required: decimalText(required),
      producible: decimalText(producible),
      produced: decimalText(produced),
    }));
  });

  for (const location of locations) listLocation(state, item, location);
  return locations.length;
}

function shortageKind(
  projected: TPlanDecimal,
  safetyStock: TPlanDecimal,
): 'stockout' | 'below_safety_stock' | null {
  if (projected.isNegative() && !projected.isZero()) return 'stockout';
  return projected.lessThan(safetyStock) ? 'below_safety_stock' : null;
}

function countShortage(state: TPlanState, projected: TPlanDecimal, safetyStock: TPlanDecimal): void {
  const kind = shortageKind(projected, safetyStock);
  if (kind === 'stockout') state.counts.stockouts += 1;
  else if (kind === 'below_safety_stock') state.counts.belowSafetyStock += 1;
}

/** Adds one location's periods to the inventory and shortage lists, in period order. */
function listLocation(state: TPlanState, item: string, location: TLocationState): void {
  const safetyStock = decimalText(location.safetyStock);
  for (const flow of location.flows) {
    const where = { itemCode: item, locationCode: location.locationCode, period: flow.period };
    state.inventory.add(() => ({
      ...where,
      opening: decimalText(flow.opening),
      inbound: decimalText(flow.inbound),
      production: decimalText(flow.production),
      demand: decimalText(flow.demand),
      projected: decimalText(flow.projected),
      safetyStock,
      requirement: decimalText(flow.requirement),
    }));
    const kind = shortageKind(flow.projected, location.safetyStock);
    if (kind === null) continue;
    const quantity =
      kind === 'stockout' ? flow.projected.negated() : location.safetyStock.minus(flow.projected);
    state.shortages.add(() => ({
      kind,
      ...where,
      projected: decimalText(flow.projected),
      safetyStock,
      quantity: decimalText(quantity),
    }));
  }
}

function countOutsideHorizon(
  input: TPlanInput,
  horizon: ReadonlySet<string>,
): TPlanResult['summary']['outsideHorizon'] {
  const outside = (periods: Iterable<string>) => {
    let count = 0;
    for (const period of periods) if (!horizon.has(period)) count += 1;
    return count;
  };
  const perItem = (table: TPlanInput['demand']) => {
    let count = 0;
    for (const locations of table.values())
      for (const periods of locations.values()) count += outside(periods.keys());
    return count;
  };
  let capacity = 0;
  for (const periods of input.capacity.values()) capacity += outside(periods.keys());
  return { demand: perItem(input.demand), inbound: perItem(input.inbound), capacity };
}
