import { PERIOD_GRANULARITIES, type TPeriodGranularity } from '@planning-hub/contracts/tables';
import { isValidPeriod } from '../values/check-period';

export type TPlanParams = { horizonStart: string; horizonPeriods: number; granularity: TPeriodGranularity };

/** Longest horizon docs/design.md section 2 allows. */
export const MAX_HORIZON_PERIODS = 520;

/** A ready input set always has valid params; this guards against one that does not. */
export class PlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanInputError';
  }
}

/** horizon_start, horizon_periods and period_granularity from the params table (JSON values). */
export function readPlanParams(params: Readonly<Record<string, unknown>>): TPlanParams {
  const granularity = params.period_granularity;
  if (typeof granularity !== 'string' || !(PERIOD_GRANULARITIES as readonly string[]).includes(granularity)) {
    throw new PlanInputError(
      `The param period_granularity must be one of ${PERIOD_GRANULARITIES.join(', ')}.`,
    );
  }
  const horizonStart = params.horizon_start;
  if (typeof horizonStart !== 'string' || !isValidPeriod(horizonStart, granularity as TPeriodGranularity)) {
    throw new PlanInputError(`The param horizon_start must be a ${granularity} period.`);
  }
  const raw = params.horizon_periods;
  const horizonPeriods = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (
    typeof horizonPeriods !== 'number' ||
    !Number.isInteger(horizonPeriods) ||
    horizonPeriods < 1 ||
    horizonPeriods > MAX_HORIZON_PERIODS
  ) {
    throw new PlanInputError(
      `The param horizon_periods must be a whole number from 1 to ${MAX_HORIZON_PERIODS}.`,
    );
  }
  return { horizonStart, horizonPeriods, granularity: granularity as TPeriodGranularity };
}
