import type { TColumnTolerance } from '@planning-hub/contracts/api/diff';
import { SCALE_INEXACT, SCALE_NONE } from './diff-row-index';
import { absExact, compareExact, exactOfUnits, parseExact, type TExact } from './exact-decimal';

/**
 * Whether a change of one column is below its tolerance ("What moved", docs/design.md
 * section 6): |Δ| < absolute, or |Δ| < relative% of |old| (old not 0). Decided on floats
 * and, when they come within rounding of the limit, again on exact integers, so that a
 * change of exactly 0.5% is not below 0.5%.
 */
export type TToleranceTest = (delta: TExact, old: TExact | null) => boolean;

const NEAR = 1e-9;

function toFloat(value: TExact): number {
  return Number(value.units) / 10 ** value.scale;
}

/** a < b for non-negative exact values, through floats unless they are too close to call. */
function isLess(a: TExact, b: TExact): boolean {
  const fa = toFloat(a);
  const fb = toFloat(b);
  if (Math.abs(fa - fb) > NEAR * Math.max(fa, fb)) return fa < fb;
  return compareExact(a, b) < 0;
}

function times(a: TExact, b: TExact): TExact {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

const HUNDRED: TExact = { units: 100n, scale: 0 };

export function toleranceTest(tolerance: TColumnTolerance): TToleranceTest {
  const absolute = tolerance.absolute === undefined ? null : parseExact(tolerance.absolute);
  // String(0.5) is the shortest exact spelling of the number the request gave.
  const relative = tolerance.relative === undefined ? null : parseRelative(tolerance.relative);
  return (delta, old) => {
    const size = absExact(delta);
    if (absolute && isLess(size, absolute)) return true;
    if (relative && old && old.units !== 0n)
      return isLess(times(size, HUNDRED), times(relative, absExact(old)));
    return false;
  };
}

function parseRelative(value: number): TExact {
  const text = String(value);
  if (!/e/i.test(text)) return parseExact(text);
  // 1e-7 and the like: at most 10 places are accepted, so toFixed(12) is exact enough and plain.
  return parseExact(value.toFixed(12));
}

/** An index entry (mantissa and scale byte) as an exact value; null for no value or an inexact one. */
export function exactOfEntry(mantissa: number, scale: number): TExact | null {
  if (scale === SCALE_NONE || scale === SCALE_INEXACT) return null;
  return exactOfUnits(mantissa, scale);
}
