import { compareUtf8 } from '../canonical/compare-utf8';
import { PLAN_DECIMAL_PLACES, PlanDecimal, ZERO, type TPlanDecimal } from './plan-decimal';

export type TLocationRequirement = { locationCode: string; requirement: TPlanDecimal };

/**
 * Splits an item's production of one period over its locations
 * (docs/plan-computation.md, "Allocation"):
 * - enough for everyone (produced = total requirement): each location gets its requirement;
 * - otherwise in proportion to the requirements, each share rounded down to
 *   PLAN_DECIMAL_PLACES decimals, and what rounding left over goes to the location
 *   with the largest requirement (the first by location code on a tie),
 * so the parts always add up to exactly `produced` and the result never depends on input order.
 */
export function allocateProduction(
  requirements: readonly TLocationRequirement[],
  produced: TPlanDecimal,
): TPlanDecimal[] {
  const total = requirements.reduce((sum, r) => sum.plus(r.requirement), ZERO);
  if (produced.isZero() || total.isZero()) return requirements.map(() => ZERO);
  if (produced.greaterThanOrEqualTo(total)) return requirements.map((r) => r.requirement);

  const parts = requirements.map((r) =>
    produced
      .times(r.requirement)
      .dividedBy(total)
      .toDecimalPlaces(PLAN_DECIMAL_PLACES, PlanDecimal.ROUND_DOWN),
  );
  const leftover = parts.reduce((rest, part) => rest.minus(part), produced);
  if (!leftover.isZero()) {
    let largest = 0;
    for (let i = 1; i < requirements.length; i++) {
      const order = requirements[i]!.requirement.comparedTo(requirements[largest]!.requirement);
      if (
        order > 0 ||
        (order === 0 && compareUtf8(requirements[i]!.locationCode, requirements[largest]!.locationCode) < 0)
      ) {
        largest = i;
      }
    }
    parts[largest] = parts[largest]!.plus(leftover);
  }
  return parts;
}
