import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import { PlanDecimal, ZERO, toPlanDecimal, type TPlanDecimal } from './plan-decimal';

/** period -> quantity */
export type TPeriodQuantities = Map<string, TPlanDecimal>;

/**
 * What the plan needs from a snapshot, aggregated while the rows stream past:
 * a few numbers per (item, location, period) and per (resource, period), never the rows.
 */
export type TPlanInput = {
  params: Record<string, unknown>;
  /** item -> location -> period -> demand quantity */
  demand: Map<string, Map<string, TPeriodQuantities>>;
  /** item -> location -> period -> inbound quantity, summed over references */
  inbound: Map<string, Map<string, TPeriodQuantities>>;
  /** item -> location -> on hand and safety stock */
  inventory: Map<string, Map<string, { onHand: TPlanDecimal; safetyStock: TPlanDecimal }>>;
  /** resource -> period -> available hours */
  capacity: Map<string, TPeriodQuantities>;
  /** item -> resource -> share of the resource's hours and units per hour */
  mix: Map<string, Map<string, { share: TPlanDecimal; unitsPerHour: TPlanDecimal }>>;
};

export type TPlanInputCollector = {
  /** Feed any table's rows in any order; tables the plan does not use are skipped. */
  add: (table: TTableName, row: TRow) => void;
  finish: () => TPlanInput;
};

function nested<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function addQuantity(target: TPeriodQuantities, period: string, quantity: TPlanDecimal): void {
  target.set(period, (target.get(period) ?? ZERO).plus(quantity));
}

const text = (row: TRow, column: string) => row[column] ?? '';

export function createPlanInputCollector(): TPlanInputCollector {
  const input: TPlanInput = {
    // Param keys are the planner's codes: `__proto__` must stay a key, not become the prototype.
    params: Object.create(null) as Record<string, unknown>,
    demand: new Map(),
    inbound: new Map(),
    inventory: new Map(),
    capacity: new Map(),
    mix: new Map(),
  };

  function addItemQuantity(target: TPlanInput['demand'], row: TRow): void {
    const locations = nested(target, text(row, 'item_code'), () => new Map<string, TPeriodQuantities>());
    const periods = nested(locations, text(row, 'location_code'), () => new Map<string, TPlanDecimal>());
    addQuantity(periods, text(row, 'period'), toPlanDecimal(text(row, 'quantity')));
  }

  return {
    add(table, row) {
      switch (table) {
        case 'demand':
          return addItemQuantity(input.demand, row);
        case 'inbound':
          return addItemQuantity(input.inbound, row);
        case 'inventory': {
          const locations = nested(input.inventory, text(row, 'item_code'), () => new Map());
          locations.set(text(row, 'location_code'), {
            onHand: toPlanDecimal(text(row, 'on_hand')),
            safetyStock: row.safety_stock ? toPlanDecimal(row.safety_stock) : new PlanDecimal(0),
          });
          return;
        }
        case 'capacity': {
          const periods = nested(
            input.capacity,
            text(row, 'resource_code'),
            () => new Map<string, TPlanDecimal>(),
          );
          addQuantity(periods, text(row, 'period'), toPlanDecimal(text(row, 'available_hours')));
          return;
        }
        case 'mix': {
          const resources = nested(input.mix, text(row, 'item_code'), () => new Map());
          resources.set(text(row, 'resource_code'), {
            share: toPlanDecimal(text(row, 'share')),
            unitsPerHour: toPlanDecimal(text(row, 'units_per_hour')),
          });
          return;
        }
        case 'params':
          input.params[text(row, 'key')] = JSON.parse(text(row, 'value')) as unknown;
          return;
        default:
          // calendar and period_metrics do not enter this plan (docs/plan-computation.md).
          return;
      }
    },
    finish: () => input,
  };
}

/** The same from whole tables at once: for tests and small callers. */
export function planInputFromTables(tables: Partial<Record<TTableName, TRow[]>>): TPlanInput {
  const collector = createPlanInputCollector();
  for (const [table, rows] of Object.entries(tables) as [TTableName, TRow[]][]) {
    for (const row of rows) collector.add(table, row);
  }
  return collector.finish();
}
