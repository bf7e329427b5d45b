import Decimal from 'decimal.js';
import { canonicalDecimal } from '../canonical/canonical-decimal';

/**
 * The plan's own Decimal: 60 significant digits leave sums, products and the few
 * divisions (allocation, hours used, load) exact long before any rounding we show.
 */
export const PlanDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type TPlanDecimal = InstanceType<typeof PlanDecimal>;

/** Shown decimals of divided values (allocated units, hours used, load). */
export const PLAN_DECIMAL_PLACES = 6;

export const ZERO = new PlanDecimal(0);

export function toPlanDecimal(text: string): TPlanDecimal {
  return new PlanDecimal(text);
}

/** Exact canonical text (`100.5`, `0`, `-3`), as the rest of Planning Hub writes decimals. */
export function decimalText(value: TPlanDecimal): string {
  if (value.isZero()) return '0';
  const plain = value.toFixed();
  return canonicalDecimal(plain) ?? plain;
}

/** A divided value shown with PLAN_DECIMAL_PLACES decimals, rounded half up, in canonical text. */
export function roundedText(value: TPlanDecimal): string {
  return decimalText(value.toDecimalPlaces(PLAN_DECIMAL_PLACES, PlanDecimal.ROUND_HALF_UP));
}

export function maxDecimal(a: TPlanDecimal, b: TPlanDecimal): TPlanDecimal {
  return a.greaterThanOrEqualTo(b) ? a : b;
}
