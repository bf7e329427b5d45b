import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { compareUtf8 } from '../canonical/compare-utf8';
import { allocateProduction } from './allocate-production';
import { listHorizonPeriods } from './horizon-periods';
import { PlanDecimal, ZERO, decimalText, maxDecimal, roundedText, type TPlanDecimal } from './plan-decimal';
import type { TPeriodQuantities, TPlanInput } from './plan-input';
import { readPlanParams } from './plan-params';

type TInventoryRow = TPlanResult['inventory'][number];
type TShortage = TPlanResult['shortages'][number];

type TPlanState = {
  input: TPlanInput;
  periods: string[];
  /** resource -> hours used per horizon period index */
  usedHours: Map<string, TPlanDecimal[]>;
  inventory: TInventoryRow[];
  production: TPlanResult['production'];
  shortages: TShortage[];
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
 */
export function computePlan(input: TPlanInput): TPlanResult {
  const params = readPlanParams(input.params);
  const periods = listHorizonPeriods(params.horizonStart, params.horizonPeriods, params.granularity);
  const state: TPlanState = {
    input,
    periods,
    usedHours: new Map(),
    inventory: [],
    production: [],
    shortages: [],
    totals: { demand: ZERO, inbound: ZERO, production: ZERO },
  };
  const items = sortedUnion(input.demand.keys(), input.inbound.keys(), input.inventory.keys());
  let itemLocations = 0;
  for (const item of items) itemLocations += planItem(state, item);

  const resources = sortedUnion(input.capacity.keys(), ...[...input.mix.values()].map((m) => m.keys()));
  const capacityLoad = resources.flatMap((resource) => loadOfResource(state, resource));
  const loads = capacityLoad.filter((row) => row.load !== null).map((row) => new PlanDecimal(row.load!));
  return {
    horizon: { start: params.horizonStart, granularity: params.granularity, periods },
    summary: {
      items: items.length,
      itemLocations,
      resources: resources.length,
      totalDemand: decimalText(state.totals.demand),
      totalInbound: decimalText(state.totals.inbound),
      totalProduction: decimalText(state.totals.production),
      stockouts: state.shortages.filter((s) => s.kind === 'stockout').length,
      belowSafetyStock: state.shortages.filter((s) => s.kind === 'below_safety_stock').length,
      peakLoad: loads.length > 0 ? decimalText(loads.reduce(maxDecimal)) : null,
      outsideHorizon: countOutsideHorizon(input, new Set(periods)),
    },
    inventory: state.inventory,
    production: state.production,
    capacityLoad,
    shortages: state.shortages,
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
function bookHours(state: TPlanState, item: string, periodIndex: number, produced: TPlanDecimal, producible: TPlanDecimal): void {
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

type TLocationState = {
  locationCode: string;
  opening: TPlanDecimal;
  safetyStock: TPlanDecimal;
  demand: TPeriodQuantities | undefined;
  inbound: TPeriodQuantities | undefined;
  rows: TInventoryRow[];
  shortages: TShortage[];
};

/** Plans one item over the horizon; returns how many locations it has. */
function planItem(state: TPlanState, item: string): number {
  const { input, periods } = state;
  const demand = input.demand.get(item);
  const inbound = input.inbound.get(item);
  const inventory = input.inventory.get(item);
  const locations: TLocationState[] = sortedUnion(demand?.keys(), inbound?.keys(), inventory?.keys()).map((code) => ({
    locationCode: code,
    opening: inventory?.get(code)?.onHand ?? ZERO,
    safetyStock: inventory?.get(code)?.safetyStock ?? ZERO,
    demand: demand?.get(code),
    inbound: inbound?.get(code),
    rows: [],
    shortages: [],
  }));

  periods.forEach((period, periodIndex) => {
    const flows = locations.map((location) => {
      const d = location.demand?.get(period) ?? ZERO;
      const i = location.inbound?.get(period) ?? ZERO;
      const requirement = maxDecimal(ZERO, location.safetyStock.plus(d).minus(location.opening).minus(i));
      return { demand: d, inbound: i, requirement };
    });
    const required = flows.reduce((sum, f) => sum.plus(f.requirement), ZERO);
    const producible = producibleUnits(input, item, period);
    const produced = PlanDecimal.min(required, producible);
    const parts = allocateProduction(
      locations.map((l, k) => ({ locationCode: l.locationCode, requirement: flows[k]!.requirement })),
      produced,
    );
    locations.forEach((location, k) => projectLocation(state, item, period, location, { ...flows[k]!, production: parts[k]! }));
    bookHours(state, item, periodIndex, produced, producible);
    state.production.push({
      itemCode: item,
      period,
      required: decimalText(required),
      producible: decimalText(producible),
      produced: decimalText(produced),
    });
    state.totals.production = state.totals.production.plus(produced);
  });

  for (const location of locations) {
    state.inventory.push(...location.rows);
    state.shortages.push(...location.shortages);
  }
  return locations.length;
}

function projectLocation(
  state: TPlanState,
  item: string,
  period: string,
  location: TLocationState,
  flow: { demand: TPlanDecimal; inbound: TPlanDecimal; production: TPlanDecimal; requirement: TPlanDecimal },
): void {
  const projected = location.opening.plus(flow.inbound).plus(flow.production).minus(flow.demand);
  const where = { itemCode: item, locationCode: location.locationCode, period };
  location.rows.push({
    ...where,
    opening: decimalText(location.opening),
    inbound: decimalText(flow.inbound),
    production: decimalText(flow.production),
    demand: decimalText(flow.demand),
    projected: decimalText(projected),
    safetyStock: decimalText(location.safetyStock),
    requirement: decimalText(flow.requirement),
  });
  const shown = { ...where, projected: decimalText(projected), safetyStock: decimalText(location.safetyStock) };
  if (projected.isNegative() && !projected.isZero()) {
    location.shortages.push({ kind: 'stockout', ...shown, quantity: decimalText(projected.negated()) });
  } else if (projected.lessThan(location.safetyStock)) {
    location.shortages.push({ kind: 'below_safety_stock', ...shown, quantity: decimalText(location.safetyStock.minus(projected)) });
  }
  state.totals.demand = state.totals.demand.plus(flow.demand);
  state.totals.inbound = state.totals.inbound.plus(flow.inbound);
  location.opening = projected;
}

function loadOfResource(state: TPlanState, resource: string): TPlanResult['capacityLoad'] {
  const used = state.usedHours.get(resource);
  return state.periods.map((period, index) => {
    const available = state.input.capacity.get(resource)?.get(period) ?? ZERO;
    const hours = used?.[index] ?? ZERO;
    return {
      resourceCode: resource,
      period,
      availableHours: decimalText(available),
      usedHours: roundedText(hours),
      load: available.isZero() ? null : roundedText(hours.dividedBy(available)),
    };
  });
}

function countOutsideHorizon(input: TPlanInput, horizon: ReadonlySet<string>): TPlanResult['summary']['outsideHorizon'] {
  const outside = (periods: Iterable<string>) => {
    let count = 0;
    for (const period of periods) if (!horizon.has(period)) count += 1;
    return count;
  };
  const perItem = (table: TPlanInput['demand']) => {
    let count = 0;
    for (const locations of table.values()) for (const periods of locations.values()) count += outside(periods.keys());
    return count;
  };
  let capacity = 0;
  for (const periods of input.capacity.values()) capacity += outside(periods.keys());
  return { demand: perItem(input.demand), inbound: perItem(input.inbound), capacity };
}
