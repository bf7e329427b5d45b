import { describe, expect, it } from 'vitest';
import { allocateProduction } from './allocate-production';
import { decimalText, toPlanDecimal } from './plan-decimal';

const allocate = (requirements: [string, string][], produced: string) =>
  allocateProduction(
    requirements.map(([locationCode, requirement]) => ({
      locationCode,
      requirement: toPlanDecimal(requirement),
    })),
    toPlanDecimal(produced),
  ).map(decimalText);

describe('allocateProduction', () => {
  it('gives every location its requirement when production covers them all', () => {
    expect(
      allocate(
        [
          ['EAST', '20'],
          ['WEST', '25'],
        ],
        '45',
      ),
    ).toEqual(['20', '25']);
  });

  it('splits short production in proportion to the requirements', () => {
    // 50 units for 30 + 45 = 75 required: 50 x 30/75 = 20 and 50 x 45/75 = 30.
    expect(
      allocate(
        [
          ['EAST', '30'],
          ['WEST', '45'],
        ],
        '50',
      ),
    ).toEqual(['20', '30']);
  });

  it('rounds shares down to 6 decimals and gives the leftover to the largest requirement', () => {
    // 10 units for 3 x 10 required: 10 x 10/30 = 3.333333 each, 0.000001 left over;
    // the requirements tie, so the first location code (A) takes it, wherever A is listed.
    expect(
      allocate(
        [
          ['B', '10'],
          ['A', '10'],
          ['C', '10'],
        ],
        '10',
      ),
    ).toEqual(['3.333333', '3.333334', '3.333333']);
    // 1 x 2/3 = 0.666666, 1 x 1/3 = 0.333333; leftover 0.000001 goes to the larger requirement.
    expect(
      allocate(
        [
          ['A', '1'],
          ['B', '2'],
        ],
        '1',
      ),
    ).toEqual(['0.333333', '0.666667']);
  });

  it('gives nothing when nothing is produced or nothing is required', () => {
    expect(allocate([['A', '5']], '0')).toEqual(['0']);
    expect(
      allocate(
        [
          ['A', '0'],
          ['B', '0'],
        ],
        '0',
      ),
    ).toEqual(['0', '0']);
  });
});
