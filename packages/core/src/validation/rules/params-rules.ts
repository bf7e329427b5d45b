import {
  PERIOD_GRANULARITIES,
  REQUIRED_PARAMS,
  type TPeriodGranularity,
} from '@planning-hub/contracts/tables';
import { describeInvalidPeriod, granularityOfPeriod, isValidPeriod } from '../../values/check-period';
import { problemMessage, type TProblemMessage } from '../problem-list';
import { columnIndex, type TRowReport, type TRulesFactory } from './table-rules';

const MAX_HORIZON_PERIODS = 520;

/** The message of a required param that is missing, saying what to add. */
const MISSING_PARAM: Record<(typeof REQUIRED_PARAMS)[number], TProblemMessage> = {
  horizon_start: problemMessage('problem.param_missing.horizon_start', {}),
  horizon_periods: problemMessage('problem.param_missing.horizon_periods', { max: MAX_HORIZON_PERIODS }),
  period_granularity: problemMessage('problem.param_missing.period_granularity', {}),
};

/** Why horizon_start is not a period of the set's granularity, in the param's words. */
function horizonStartMessage(value: string, granularity: TPeriodGranularity | null): TProblemMessage {
  const why = describeInvalidPeriod(value, granularity);
  switch (why.reason) {
    case 'any':
      return problemMessage('problem.param_invalid.horizon_start.any', {});
    case 'other_granularity':
      return problemMessage('problem.param_invalid.horizon_start.other_granularity', {
        actual: why.actual,
        granularity: why.granularity,
      });
    case 'lowercase_w':
      return problemMessage('problem.param_invalid.horizon_start.lowercase_w', { fixed: why.fixed });
    case 'no_such_week':
      return problemMessage('problem.param_invalid.horizon_start.no_such_week', {
        year: why.year,
        weeks: why.weeks,
      });
    case 'not_of_granularity':
      return problemMessage('problem.param_invalid.horizon_start.not_of_granularity', {
        granularity: why.granularity,
      });
  }
}

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
    const invalid = (detail: TProblemMessage) => report('param_invalid', 'value', text, detail);
    if (key === 'period_granularity') {
      if (typeof value === 'string' && (PERIOD_GRANULARITIES as readonly string[]).includes(value)) {
        context.granularity = value as TPeriodGranularity;
      } else invalid(problemMessage('problem.param_invalid.period_granularity', { text }));
    } else if (key === 'horizon_periods') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_HORIZON_PERIODS) {
        invalid(problemMessage('problem.param_invalid.horizon_periods', { text, max: MAX_HORIZON_PERIODS }));
      }
    } else if (typeof value !== 'string') {
      invalid(problemMessage('problem.param_invalid.horizon_start', { text }));
    } else if (context.granularity !== null && !isValidPeriod(value, context.granularity)) {
      invalid(horizonStartMessage(value, context.granularity));
    } else if (context.granularity === null && granularityOfPeriod(value) === null) {
      invalid(horizonStartMessage(value, null));
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
          detail: MISSING_PARAM[key],
        });
      }
    },
  };
};
