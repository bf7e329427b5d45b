import {
  PERIOD_GRANULARITIES,
  REQUIRED_PARAMS,
  type TPeriodGranularity,
} from '@planning-hub/contracts/tables';
import { describeInvalidPeriod, granularityOfPeriod, isValidPeriod } from '../../values/check-period';
import { columnIndex, type TRowReport, type TRulesFactory } from './table-rules';

const MAX_HORIZON_PERIODS = 520;

const REQUIRED_PARAM_HINTS: Record<(typeof REQUIRED_PARAMS)[number], string> = {
  horizon_start: 'the first period of the plan, e.g. "2027-W01"',
  horizon_periods: `the number of periods to plan, 1 to ${MAX_HORIZON_PERIODS}`,
  period_granularity: '"month", "week" or "day"',
};

function isRequiredParam(key: string): key is (typeof REQUIRED_PARAMS)[number] {
  return (REQUIRED_PARAMS as readonly string[]).includes(key);
}

/**
 * params: keys with JSON values; horizon_start, horizon_periods and
 * period_granularity are required. Readers hand period_granularity over first,
 * so horizon_start is checked against it whatever the file order.
 */
export const createParamsRules: TRulesFactory = ({ context, spec }) => {
  const keyIndex = columnIndex(spec, 'key');
  const valueIndex = columnIndex(spec, 'value');
  const seen = new Set<string>();

  function checkRequired(
    key: (typeof REQUIRED_PARAMS)[number],
    value: unknown,
    text: string,
    report: TRowReport,
  ) {
    const invalid = (detail: string) =>
      report(
        'param_invalid',
        'value',
        text,
        `Param '${key}' ${detail}; it must be ${REQUIRED_PARAM_HINTS[key]}.`,
      );
    if (key === 'period_granularity') {
      if (typeof value === 'string' && (PERIOD_GRANULARITIES as readonly string[]).includes(value)) {
        context.granularity = value as TPeriodGranularity;
      } else invalid(`is ${text}`);
    } else if (key === 'horizon_periods') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_HORIZON_PERIODS) {
        invalid(`is ${text}`);
      }
    } else if (typeof value !== 'string') {
      invalid(`is ${text}`);
    } else if (context.granularity !== null && !isValidPeriod(value, context.granularity)) {
      invalid(describeInvalidPeriod(value, context.granularity));
    } else if (context.granularity === null && granularityOfPeriod(value) === null) {
      invalid(describeInvalidPeriod(value, null));
    }
  }

  return {
    checkRow(values, _line, report) {
      const key = values[keyIndex];
      const text = values[valueIndex];
      if (typeof key !== 'string') return;
      seen.add(key);
      if (typeof text !== 'string') return;
      const value: unknown = JSON.parse(text);
      if (isRequiredParam(key)) checkRequired(key, value, text, report);
      context.params[key] = value;
    },
    finish(report) {
      for (const key of REQUIRED_PARAMS) {
        if (seen.has(key)) continue;
        report({
          code: 'param_missing',
          row: null,
          column: 'key',
          value: key,
          message: `Required param '${key}' is missing: add it with ${REQUIRED_PARAM_HINTS[key]}.`,
        });
      }
    },
  };
};
