import { describe, expect, it } from 'vitest';
import type { TDiffMeasureTotals } from '@planning-hub/contracts/api/diff-summary';
import {
  chartDimensionOf,
  dimensionFromParams,
  formatTolerance,
  isToleranceTextValid,
  measureFromParams,
  secondsSince,
  splitToleranceText,
} from './moved-rules';
import { niceTicks } from '../../lib/chart-scale';

const totals = (entries: Partial<TDiffMeasureTotals>[]) =>
  entries.map((entry) => ({
    table: 'demand',
    column: 'quantity',
    before: '0',
    after: '0',
    delta: '0',
    percent: null,
    added: 0,
    removed: 0,
    changed: 0,
    hidden: 0,
    hiddenDelta: '0',
    tolerance: null,
    ...entry,
  })) as TDiffMeasureTotals[];

describe('measureFromParams', () => {
  it('takes the measure the URL names, else the first that moved, else demand.quantity', () => {
    expect(measureFromParams(new URLSearchParams('measure=inventory.safety_stock'), undefined)).toEqual({
      table: 'inventory',
      column: 'safety_stock',
    });
    const moved = totals([{}, { table: 'capacity', column: 'available_hours', delta: '16', changed: 1 }]);
    expect(measureFromParams(new URLSearchParams('measure=demand.uom'), moved)).toEqual({
      table: 'capacity',
      column: 'available_hours',
    });
    expect(measureFromParams(new URLSearchParams(), totals([{}]))).toEqual({
      table: 'demand',
      column: 'quantity',
    });
  });
});

describe('dimensionFromParams and chartDimensionOf', () => {
  it('keeps a key column the table is totalled by, else its first', () => {
    expect(dimensionFromParams(new URLSearchParams('by=period'), 'demand')).toBe('period');
    expect(dimensionFromParams(new URLSearchParams('by=period'), 'inventory')).toBe('item_code');
    expect(dimensionFromParams(new URLSearchParams('by=item_code'), 'capacity')).toBe('resource_code');
  });

  it('charts by period, or by location for inventory', () => {
    expect(chartDimensionOf('demand')).toBe('period');
    expect(chartDimensionOf('capacity')).toBe('period');
    expect(chartDimensionOf('inventory')).toBe('location_code');
  });
});

describe('niceTicks and secondsSince', () => {
  it('gives round ticks covering the range', () => {
    expect(niceTicks(0, 1000)).toEqual([0, 250, 500, 750, 1000]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it('counts whole seconds, never below zero', () => {
    expect(secondsSince('2026-01-01T00:00:00.000Z', Date.parse('2026-01-01T00:00:12.900Z'))).toBe(12);
    expect(secondsSince('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:00.000Z'))).toBe(0);
  });
});

describe('tolerances as the reviewer writes and reads them', () => {
  it('names the column and its limits: quantity: 0.5%', () => {
    expect(formatTolerance('quantity', { relative: 0.5 })).toBe('quantity: 0.5%');
    expect(formatTolerance('on_hand', { absolute: '10' })).toBe('on_hand: 10');
    expect(formatTolerance('quantity', { relative: 0.5, absolute: '2' })).toBe('quantity: 0.5% / 2');
    expect(formatTolerance('quantity', null)).toBeNull();
    expect(formatTolerance('quantity', {})).toBeNull();
  });

  it('splits the field on spaces and commas, and checks it as the server would', () => {
    expect(splitToleranceText(' demand.quantity:0.5%, inventory.on_hand:10  ')).toEqual([
      'demand.quantity:0.5%',
      'inventory.on_hand:10',
    ]);
    expect(splitToleranceText('')).toEqual([]);
    expect(isToleranceTextValid('demand.quantity:0.5% inventory.on_hand:10')).toBe(true);
    expect(isToleranceTextValid('')).toBe(true);
    expect(isToleranceTextValid('demand.uom:1')).toBe(false);
    expect(isToleranceTextValid('quantity 0.5%')).toBe(false);
  });
});
