import { describe, expect, it } from 'vitest';
import type { TPlanResult } from '@planning-hub/contracts/api/runs';
import { formatAxisValue, labelEvery, niceTicks, scaleLinear, toNumber } from '../../lib/chart-scale';
import { capacityLoadSeries, formatLoad, inventorySeries, itemLocations } from './plan-series';

const inv = (
  itemCode: string,
  locationCode: string,
  period: string,
  projected: string,
  safetyStock = '0',
) => ({
  itemCode,
  locationCode,
  period,
  opening: '0',
  inbound: '0',
  production: '0',
  demand: '0',
  projected,
  safetyStock,
  requirement: '0',
});

const result: TPlanResult = {
  horizon: { start: '2027-01', granularity: 'month', periods: ['2027-01', '2027-02'] },
  summary: {
    items: 1,
    itemLocations: 2,
    resources: 2,
    totalDemand: '0',
    totalInbound: '0',
    totalProduction: '0',
    stockouts: 0,
    belowSafetyStock: 0,
    peakLoad: '1.2',
    outsideHorizon: { demand: 0, inbound: 0, capacity: 0 },
    rows: { inventory: 3, production: 0, capacityLoad: 3, shortages: 0 },
  },
  listLimit: 10_000,
  truncated: false,
  inventory: [
    inv('A', 'TOKYO', '2027-01', '10', '5'),
    inv('A', 'TOKYO', '2027-02', '-2', '5'),
    inv('A', 'OSAKA', '2027-01', '4.5'),
  ],
  production: [],
  capacityLoad: [
    { resourceCode: 'R1', period: '2027-01', availableHours: '10', usedHours: '5', load: '0.5' },
    { resourceCode: 'R1', period: '2027-02', availableHours: '10', usedHours: '12', load: '1.2' },
    { resourceCode: 'R2', period: '2027-01', availableHours: '0', usedHours: '0', load: null },
  ],
  shortages: [],
};

describe('plan series', () => {
  it('lists item-locations in plan order', () => {
    expect(itemLocations(result)).toEqual(['A @ TOKYO', 'A @ OSAKA']);
  });

  it('sums projected inventory and safety stock per period, or shows one item-location', () => {
    expect(inventorySeries(result, null).projected.values).toEqual([14.5, -2]);
    expect(inventorySeries(result, null).safetyStock.values).toEqual([5, 5]);
    expect(inventorySeries(result, 'A @ OSAKA').projected.values).toEqual([4.5, null]);
  });

  it('gives capacity load in percent, leaving periods without hours empty', () => {
    const { series, total } = capacityLoadSeries(result);
    expect(total).toBe(2);
    expect(series).toEqual([
      { name: 'R1', values: [50, 120] },
      { name: 'R2', values: [null, null] },
    ]);
    expect(capacityLoadSeries(result, 1).series.map((s) => s.name)).toEqual(['R1']);
  });
});

describe('formatLoad', () => {
  it('shows a load as a percent with one decimal, and no hours as a dash', () => {
    expect(formatLoad('0.8125')).toBe('81.3%');
    expect(formatLoad('1.2')).toBe('120%');
    expect(formatLoad(null)).toBe('—');
  });
});

describe('chart scale', () => {
  it('picks round ticks that cover the values', () => {
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(-3, 14.5)).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it('maps values linearly and spaces labels', () => {
    expect(scaleLinear(5, 0, 10, 100, 0)).toBe(50);
    expect(labelEvery(52, 10)).toBe(6);
    expect(labelEvery(8, 10)).toBe(1);
  });

  it('reads decimals and writes short axis labels', () => {
    expect(toNumber('1234.5')).toBe(1234.5);
    expect(toNumber(null)).toBeNull();
    expect(toNumber('x')).toBeNull();
    expect(formatAxisValue(25_000)).toBe('25k');
    expect(formatAxisValue(1234)).toBe('1,234');
  });
});
