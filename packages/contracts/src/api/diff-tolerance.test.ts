import { describe, expect, it } from 'vitest';
import {
  formatToleranceParams,
  mergeTolerance,
  parseToleranceParams,
  ZToleranceQuery,
} from './diff-tolerance';

describe('parseToleranceParams', () => {
  it('reads relative tolerances in percent and absolute ones in the column unit', () => {
    expect(parseToleranceParams(['demand.quantity:0.5%', 'inventory.on_hand:10'])).toEqual({
      tolerance: { demand: { quantity: { relative: 0.5 } }, inventory: { on_hand: { absolute: '10' } } },
    });
  });

  it('sets both limits of a column named twice', () => {
    expect(parseToleranceParams(['demand.quantity:0.5%', 'demand.quantity:2.25'])).toEqual({
      tolerance: { demand: { quantity: { relative: 0.5, absolute: '2.25' } } },
    });
  });

  it('names what is wrong: the spelling, a column without totals, a negative or huge number, too many', () => {
    expect(parseToleranceParams(['quantity:1'])).toEqual({
      error: "'quantity:1' is not a tolerance; write table.column:0.5% or table.column:10.",
    });
    expect(parseToleranceParams(['demand.uom:1'])).toMatchObject({
      error: expect.stringContaining('demand.uom has no totals'),
    });
    expect(parseToleranceParams(['mix.share:1'])).toMatchObject({
      error: expect.stringContaining('mix.share has no totals'),
    });
    expect(parseToleranceParams(['demand.quantity:-1'])).toMatchObject({
      error: expect.stringContaining('is not a tolerance'),
    });
    expect(parseToleranceParams(['demand.quantity:1.2.3'])).toMatchObject({
      error: expect.stringContaining('not a plain non-negative decimal'),
    });
    expect(parseToleranceParams(['demand.quantity:1001%'])).toMatchObject({
      error: expect.stringContaining('at most 1000%'),
    });
    expect(parseToleranceParams(Array.from({ length: 17 }, () => 'demand.quantity:1'))).toEqual({
      error: 'At most 16 tolerances.',
    });
    expect(parseToleranceParams(['__proto__.x:1'])).toMatchObject({
      error: expect.stringContaining('has no totals'),
    });
  });
});

describe('formatToleranceParams', () => {
  it('spells a tolerance back as query parameters, in bundle order', () => {
    const texts = ['inventory.on_hand:10', 'demand.quantity:0.5%', 'demand.quantity:3'];
    const parsed = parseToleranceParams(texts);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(formatToleranceParams(parsed.tolerance)).toEqual([
      'demand.quantity:0.5%',
      'demand.quantity:3',
      'inventory.on_hand:10',
    ]);
  });
});

describe('mergeTolerance', () => {
  it('lets the request replace the label defaults column by column', () => {
    expect(
      mergeTolerance(
        { demand: { quantity: { relative: 1 } }, inventory: { on_hand: { absolute: '5' } } },
        { inventory: { on_hand: { absolute: '10' }, safety_stock: { relative: 2 } } },
      ),
    ).toEqual({
      demand: { quantity: { relative: 1 } },
      inventory: { on_hand: { absolute: '10' }, safety_stock: { relative: 2 } },
    });
    expect(mergeTolerance({}, {})).toEqual({});
  });
});

describe('ZToleranceQuery', () => {
  it('takes one parameter or several', () => {
    expect(ZToleranceQuery.parse('demand.quantity:1%')).toEqual({ demand: { quantity: { relative: 1 } } });
    expect(ZToleranceQuery.parse(['demand.quantity:1%', 'capacity.available_hours:8'])).toEqual({
      demand: { quantity: { relative: 1 } },
      capacity: { available_hours: { absolute: '8' } },
    });
    expect(ZToleranceQuery.safeParse('demand.quantity').success).toBe(false);
    expect(ZToleranceQuery.safeParse('x'.repeat(101)).success).toBe(false);
  });
});
