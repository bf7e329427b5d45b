import { describe, expect, it } from 'vitest';
import { PlanInputError, readPlanParams } from './plan-params';

describe('readPlanParams', () => {
  it('reads the three required params, horizon_periods as a number or numeric text', () => {
    expect(
      readPlanParams({ horizon_start: '2027-W05', horizon_periods: 12, period_granularity: 'week' }),
    ).toEqual({
      horizonStart: '2027-W05',
      horizonPeriods: 12,
      granularity: 'week',
    });
    expect(
      readPlanParams({ horizon_start: '2027-01', horizon_periods: '3', period_granularity: 'month' })
        .horizonPeriods,
    ).toBe(3);
  });

  it('refuses a horizon_start outside the granularity and a horizon past 520 periods', () => {
    expect(() =>
      readPlanParams({ horizon_start: '2027-01', horizon_periods: 3, period_granularity: 'week' }),
    ).toThrow(PlanInputError);
    expect(() =>
      readPlanParams({ horizon_start: '2027-01', horizon_periods: 521, period_granularity: 'month' }),
    ).toThrow('horizon_periods must be a whole number from 1 to 520');
    expect(() => readPlanParams({ horizon_start: '2027-01', horizon_periods: 2 })).toThrow(
      'period_granularity',
    );
  });
});
