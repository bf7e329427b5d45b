import { describe, expect, it } from 'vitest';
import type { TRow, TTableName } from '@planning-hub/contracts/tables';
import { computePlan } from './compute-plan';
import { planInputFromTables } from './plan-input';

/** Rows from CSV text, as a planner writes them (no quoting needed in these examples). */
function csv(text: string): TRow[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, i) => [columns[i]!, value === '' ? null : value])),
  );
}

function params(values: Record<string, unknown>): TRow[] {
  return Object.entries(values).map(([key, value]) => ({ key, value: JSON.stringify(value) }));
}

const monthly = (start: string, periods: number) =>
  params({ horizon_start: start, horizon_periods: periods, period_granularity: 'month' });

function plan(tables: Partial<Record<TTableName, TRow[]>>) {
  return computePlan(planInputFromTables(tables));
}

describe('computePlan', () => {
  // The integration tests' sample bundle (packages/server/test/support/bundle-files.ts), worked by hand.
  const sample = {
    params: monthly('2027-01', 2),
    capacity: csv('resource_code,period,available_hours\nR1,2027-01,160\nR1,2027-02,150.50'),
    mix: csv('resource_code,item_code,share,units_per_hour\nR1,部品-001,0.6,10\nR1,0123,0.4,12'),
    demand: csv(
      'item_code,location_code,period,quantity\n部品-001,東京,2027-01,100.50\n部品-001,東京,2027-02,80\n0123,OSAKA,2027-02,20',
    ),
    inventory: csv('item_code,location_code,on_hand,safety_stock\n部品-001,東京,5,1'),
    inbound: csv('item_code,location_code,period,reference,quantity\n0123,OSAKA,2027-01,PO-1,10'),
  };

  it('projects inventory as opening + inbound + production - demand, producing up to safety stock', () => {
    const result = plan(sample);
    expect(result.horizon).toEqual({
      start: '2027-01',
      granularity: 'month',
      periods: ['2027-01', '2027-02'],
    });
    // Items in UTF-8 byte order: 0123 before 部品-001.
    expect(result.inventory).toEqual([
      // 0123 at OSAKA: 10 arrive in January; February needs 20 - 10 = 10 more.
      {
        itemCode: '0123',
        locationCode: 'OSAKA',
        period: '2027-01',
        opening: '0',
        inbound: '10',
        production: '0',
        demand: '0',
        projected: '10',
        safetyStock: '0',
        requirement: '0',
      },
      {
        itemCode: '0123',
        locationCode: 'OSAKA',
        period: '2027-02',
        opening: '10',
        inbound: '0',
        production: '10',
        demand: '20',
        projected: '0',
        safetyStock: '0',
        requirement: '10',
      },
      // 部品-001 at 東京: requirement = safety stock 1 + demand 100.5 - opening 5 = 96.5, then 1 + 80 - 1 = 80.
      {
        itemCode: '部品-001',
        locationCode: '東京',
        period: '2027-01',
        opening: '5',
        inbound: '0',
        production: '96.5',
        demand: '100.5',
        projected: '1',
        safetyStock: '1',
        requirement: '96.5',
      },
      {
        itemCode: '部品-001',
        locationCode: '東京',
        period: '2027-02',
        opening: '1',
        inbound: '0',
        production: '80',
        demand: '80',
        projected: '1',
        safetyStock: '1',
        requirement: '80',
      },
    ]);
    // Producible = hours x share x units per hour: 160 x 0.4 x 12 = 768, 150.5 x 0.4 x 12 = 722.4,
    // 160 x 0.6 x 10 = 960, 150.5 x 0.6 x 10 = 903.
    expect(result.production).toEqual([
      { itemCode: '0123', period: '2027-01', required: '0', producible: '768', produced: '0' },
      { itemCode: '0123', period: '2027-02', required: '10', producible: '722.4', produced: '10' },
      { itemCode: '部品-001', period: '2027-01', required: '96.5', producible: '960', produced: '96.5' },
      { itemCode: '部品-001', period: '2027-02', required: '80', producible: '903', produced: '80' },
    ]);
    // January: 96.5 units / 10 per hour = 9.65 h of 160 = 0.0603125 -> 0.060313.
    // February: 80 / 10 = 8 h plus 10 / 12 = 0.833333 h = 8.833333 h of 150.5 = 0.058693.
    expect(result.capacityLoad).toEqual([
      { resourceCode: 'R1', period: '2027-01', availableHours: '160', usedHours: '9.65', load: '0.060313' },
      {
        resourceCode: 'R1',
        period: '2027-02',
        availableHours: '150.5',
        usedHours: '8.833333',
        load: '0.058693',
      },
    ]);
    expect(result.shortages).toEqual([]);
    expect(result.summary).toEqual({
      items: 2,
      itemLocations: 2,
      resources: 1,
      totalDemand: '200.5',
      totalInbound: '10',
      totalProduction: '186.5',
      stockouts: 0,
      belowSafetyStock: 0,
      peakLoad: '0.060313',
      outsideHorizon: { demand: 0, inbound: 0, capacity: 0 },
      rows: { inventory: 4, production: 4, capacityLoad: 2, shortages: 0 },
    });
    expect(result.truncated).toBe(false);
  });

  const shortOfCapacity = {
    params: monthly('2027-01', 2),
    // 10 hours x share 1 x 5 units per hour = 50 units a month.
    capacity: csv('resource_code,period,available_hours\nM1,2027-01,10\nM1,2027-02,10'),
    mix: csv('resource_code,item_code,share,units_per_hour\nM1,A,1,5'),
    demand: csv(
      'item_code,location_code,period,quantity\nA,EAST,2027-01,40\nA,WEST,2027-01,45\nA,EAST,2027-02,10\nA,WEST,2027-02,10',
    ),
    inventory: csv('item_code,location_code,on_hand,safety_stock\nA,EAST,15,5\nA,WEST,0,0'),
  };

  it('limits production to capacity, splits it in proportion to the requirements and lists the stockouts', () => {
    const result = plan(shortOfCapacity);
    // January: EAST needs 5 + 40 - 15 = 30, WEST 45; 75 > 50, so EAST gets 50 x 30/75 = 20 and WEST 30.
    // EAST ends at 15 + 20 - 40 = -5, WEST at 0 + 30 - 45 = -15.
    // February: EAST needs 5 + 10 + 5 = 20, WEST 0 + 10 + 15 = 25; 45 <= 50, both covered.
    expect(
      result.inventory.map((r) => [r.locationCode, r.period, r.requirement, r.production, r.projected]),
    ).toEqual([
      ['EAST', '2027-01', '30', '20', '-5'],
      ['EAST', '2027-02', '20', '20', '5'],
      ['WEST', '2027-01', '45', '30', '-15'],
      ['WEST', '2027-02', '25', '25', '0'],
    ]);
    expect(result.production.map((p) => [p.period, p.required, p.producible, p.produced])).toEqual([
      ['2027-01', '75', '50', '50'],
      ['2027-02', '45', '50', '45'],
    ]);
    expect(result.capacityLoad.map((c) => [c.period, c.usedHours, c.load])).toEqual([
      ['2027-01', '10', '1'],
      ['2027-02', '9', '0.9'],
    ]);
    expect(result.shortages).toEqual([
      {
        kind: 'stockout',
        itemCode: 'A',
        locationCode: 'EAST',
        period: '2027-01',
        projected: '-5',
        safetyStock: '5',
        quantity: '5',
      },
      {
        kind: 'stockout',
        itemCode: 'A',
        locationCode: 'WEST',
        period: '2027-01',
        projected: '-15',
        safetyStock: '0',
        quantity: '15',
      },
    ]);
    expect(result.summary).toMatchObject({
      stockouts: 2,
      belowSafetyStock: 0,
      peakLoad: '1',
      totalProduction: '95',
    });
  });

  it('keeps the first listLimit rows of each list and counts them all', () => {
    const result = computePlan(planInputFromTables(shortOfCapacity), { listLimit: 1 });
    expect(result).toMatchObject({ listLimit: 1, truncated: true });
    expect(result.inventory.map((r) => [r.locationCode, r.period])).toEqual([['EAST', '2027-01']]);
    expect(result.shortages.map((r) => [r.locationCode, r.period])).toEqual([['EAST', '2027-01']]);
    expect(result.capacityLoad).toHaveLength(1);
    expect(result.summary).toMatchObject({
      stockouts: 2,
      peakLoad: '1',
      rows: { inventory: 4, production: 2, capacityLoad: 2, shortages: 2 },
    });
  });

  it('gives the same plan whatever order the rows come in', () => {
    const reversed = Object.fromEntries(
      Object.entries(shortOfCapacity).map(([table, rows]) => [table, [...rows].reverse()]),
    );
    expect(plan(reversed)).toEqual(plan(shortOfCapacity));
  });

  it('reports falling below safety stock separately from a stockout', () => {
    // No mix row: S cannot be produced. 8 - 5 = 3 is below safety stock 5 (short 2); then 3 - 5 = -2 is a stockout of 2.
    const result = plan({
      params: monthly('2027-01', 2),
      demand: csv('item_code,location_code,period,quantity\nS,L,2027-01,5\nS,L,2027-02,5'),
      inventory: csv('item_code,location_code,on_hand,safety_stock\nS,L,8,5'),
    });
    expect(result.shortages).toEqual([
      {
        kind: 'below_safety_stock',
        itemCode: 'S',
        locationCode: 'L',
        period: '2027-01',
        projected: '3',
        safetyStock: '5',
        quantity: '2',
      },
      {
        kind: 'stockout',
        itemCode: 'S',
        locationCode: 'L',
        period: '2027-02',
        projected: '-2',
        safetyStock: '5',
        quantity: '2',
      },
    ]);
    expect(result.summary).toMatchObject({ stockouts: 1, belowSafetyStock: 1, resources: 0, peakLoad: null });
  });

  it('loads every resource of an item at the same fraction of its slice', () => {
    // X can make 10 x 0.5 x 10 = 50 on R1 and 20 x 1 x 4 = 80 on R2: 130. It needs 65, half of that,
    // so R1 gives 10 x 0.5 x 0.5 = 2.5 h (load 0.25) and R2 20 x 0.5 = 10 h (load 0.5).
    const result = plan({
      params: monthly('2027-01', 1),
      capacity: csv('resource_code,period,available_hours\nR1,2027-01,10\nR2,2027-01,20'),
      mix: csv('resource_code,item_code,share,units_per_hour\nR1,X,0.5,10\nR1,Y,0.5,1\nR2,X,1,4'),
      demand: csv('item_code,location_code,period,quantity\nX,L,2027-01,65'),
    });
    expect(result.production).toEqual([
      { itemCode: 'X', period: '2027-01', required: '65', producible: '130', produced: '65' },
    ]);
    expect(result.capacityLoad).toEqual([
      { resourceCode: 'R1', period: '2027-01', availableHours: '10', usedHours: '2.5', load: '0.25' },
      { resourceCode: 'R2', period: '2027-01', availableHours: '20', usedHours: '10', load: '0.5' },
    ]);
  });

  it('ignores rows outside the horizon and counts them', () => {
    const result = plan({
      params: monthly('2027-01', 1),
      capacity: csv('resource_code,period,available_hours\nR1,2026-12,10\nR1,2027-01,0'),
      demand: csv('item_code,location_code,period,quantity\nA,L,2026-12,7\nA,L,2027-01,1\nA,L,2027-02,9'),
      inbound: csv(
        'item_code,location_code,period,reference,quantity\nA,L,2027-03,PO-1,4\nA,L,2027-03,PO-2,4',
      ),
    });
    expect(result.summary.outsideHorizon).toEqual({ demand: 2, inbound: 1, capacity: 1 });
    expect(result.summary.totalDemand).toBe('1');
    // A resource with no hours in a period has no load (not a division by zero).
    expect(result.capacityLoad).toEqual([
      { resourceCode: 'R1', period: '2027-01', availableHours: '0', usedHours: '0', load: null },
    ]);
  });

  it('sums inbound over references and keeps decimals exact', () => {
    const result = plan({
      params: monthly('2027-01', 1),
      demand: csv('item_code,location_code,period,quantity\nA,L,2027-01,0.3'),
      inbound: csv(
        'item_code,location_code,period,reference,quantity\nA,L,2027-01,PO-1,0.1\nA,L,2027-01,PO-2,0.2',
      ),
    });
    // In binary floats 0.1 + 0.2 - 0.3 is 5.55e-17; here it is exactly 0.
    expect(result.inventory[0]).toMatchObject({ inbound: '0.3', projected: '0' });
    expect(result.shortages).toEqual([]);
  });
});
