import type { TProblemCode } from '@planning-hub/contracts/problems';
import type { TBound, TColumnSpec, TPeriodGranularity } from '@planning-hub/contracts/tables';
import {
  canonicalDecimal,
  compareCanonicalDecimals,
  countDecimalDigits,
} from '../canonical/canonical-decimal';
import { canonicalBoolean } from '../values/check-boolean';
import { describeInvalidCode, isValidCode } from '../values/check-code';
import { describeInvalidDate, isValidDate } from '../values/check-date';
import { MAX_DECIMAL_DIGITS, describeInvalidDecimal } from '../values/check-decimal';
import {
  canonicalParamValue,
  MAX_JSON_DEPTH,
  MAX_JSON_TEXT_LENGTH,
  parseParamCell,
  type TParamValueProblem,
} from '../values/check-json-value';
import { describeInvalidPeriod, granularityOfPeriod, isValidPeriod } from '../values/check-period';
import { describeInvalidText, isValidText } from '../values/check-text';
import { problemMessage, shorten, type TProblemMessage } from './problem-list';

/** A refused cell: its problem code and message (the column and value are the record's). */
export type TCellIssue = { code: TProblemCode; detail: TProblemMessage };

/** Validates one non-empty cell: `canonical` is the hot path; `describe` runs only for an invalid cell. */
export type TColumnChecker = {
  canonical: (text: string) => string | undefined;
  describe: (text: string) => TCellIssue;
};

/** Distinct valid periods remembered per column: periods repeat on every row. */
const MAX_REMEMBERED_PERIODS = 10_000;

export function createColumnChecker(
  column: TColumnSpec,
  granularity: TPeriodGranularity | null,
): TColumnChecker {
  const say = (code: TProblemCode, detail: TProblemMessage): TCellIssue => ({ code, detail });
  switch (column.type) {
    case 'code':
    case 'key':
      return {
        canonical: (text) => (isValidCode(text) ? text : undefined),
        describe: (text) => say('invalid_code', describeInvalidCode(text)),
      };
    case 'text':
      return {
        canonical: (text) => (isValidText(text) ? text : undefined),
        describe: (text) => {
          const problem = describeInvalidText(text);
          const code =
            problem.kind === 'formula'
              ? 'invalid_code'
              : problem.kind === 'length'
                ? 'out_of_range'
                : 'wrong_type';
          return say(code, problem.detail);
        },
      };
    case 'boolean':
      return {
        canonical: (text) => canonicalBoolean(text) ?? undefined,
        describe: (text) =>
          say('wrong_type', problemMessage('problem.wrong_type.boolean', { text: shorten(text) })),
      };
    case 'date':
      return {
        canonical: (text) => (isValidDate(text) ? text : undefined),
        describe: (text) => say('wrong_type', describeInvalidDate(text)),
      };
    case 'period':
      return createPeriodChecker(granularity, say);
    case 'decimal':
      return createDecimalChecker(column, say);
    case 'json':
      return {
        canonical: (text) => {
          const result = canonicalParamValue(parseParamCell(text));
          return 'text' in result ? result.text : undefined;
        },
        describe: (text) => {
          const result = canonicalParamValue(parseParamCell(text));
          return say('param_invalid', paramValueMessage(text, 'problem' in result ? result.problem : null));
        },
      };
  }
}

type TSay = (code: TProblemCode, detail: TProblemMessage) => TCellIssue;

/** Why a params value cell is refused (null: no reason known). */
function paramValueMessage(text: string, problem: TParamValueProblem | null): TProblemMessage {
  const shown = shorten(text);
  switch (problem) {
    case 'too_deep':
      return problemMessage('problem.param_invalid.value_too_deep', { text: shown, max: MAX_JSON_DEPTH });
    case 'too_long':
      return problemMessage('problem.cell.too_long', { text: shown, max: MAX_JSON_TEXT_LENGTH });
    case 'unstorable':
      return problemMessage('problem.param_invalid.value_unstorable', { text: shown });
    case null:
      return problemMessage('problem.param_invalid.value', { text: shown });
  }
}

/** Why a period cell is refused, in the cell's words. */
function periodMessage(text: string, granularity: TPeriodGranularity | null): TProblemMessage {
  const shown = shorten(text);
  const why = describeInvalidPeriod(text, granularity);
  switch (why.reason) {
    case 'any':
      return problemMessage('problem.period_granularity.any', { text: shown });
    case 'other_granularity':
      return problemMessage('problem.period_granularity.other_granularity', {
        text: shown,
        actual: why.actual,
        granularity: why.granularity,
      });
    case 'lowercase_w':
      return problemMessage('problem.period_granularity.lowercase_w', { text: shown, fixed: why.fixed });
    case 'no_such_week':
      return problemMessage('problem.period_granularity.no_such_week', {
        text: shown,
        year: why.year,
        weeks: why.weeks,
      });
    case 'not_of_granularity':
      return problemMessage('problem.period_granularity.not_of_granularity', {
        text: shown,
        granularity: why.granularity,
      });
  }
}

function createPeriodChecker(granularity: TPeriodGranularity | null, say: TSay): TColumnChecker {
  const remembered = new Set<string>();
  return {
    canonical(text) {
      if (remembered.has(text)) return text;
      const isValid =
        granularity === null ? granularityOfPeriod(text) !== null : isValidPeriod(text, granularity);
      if (!isValid) return undefined;
      if (remembered.size < MAX_REMEMBERED_PERIODS) remembered.add(text);
      return text;
    },
    describe: (text) => say('period_granularity', periodMessage(text, granularity)),
  };
}

type TDecimalBound = { canonical: string; inclusive: boolean; isZero: boolean };

function toDecimalBound(bound: TBound | undefined): TDecimalBound | null {
  if (!bound) return null;
  const canonical = canonicalDecimal(String(bound.value))!;
  return { canonical, inclusive: bound.inclusive, isZero: canonical === '0' };
}

function isAboveMin(value: string, min: TDecimalBound): boolean {
  if (min.isZero) return value.charCodeAt(0) !== 45 && (min.inclusive || value !== '0');
  const order = compareCanonicalDecimals(value, min.canonical);
  return order > 0 || (order === 0 && min.inclusive);
}

function isBelowMax(value: string, max: TDecimalBound): boolean {
  const order = compareCanonicalDecimals(value, max.canonical);
  return order < 0 || (order === 0 && max.inclusive);
}

/** The message of a value out of the column's range, by which bounds it has. */
function rangeMessage(text: string, min: TDecimalBound | null, max: TDecimalBound | null): TProblemMessage {
  const shown = shorten(text);
  if (min && max) {
    const bounds = { text: shown, min: min.canonical, max: max.canonical };
    if (min.inclusive) {
      return max.inclusive
        ? problemMessage('problem.out_of_range.min_max', bounds)
        : problemMessage('problem.out_of_range.min_below', bounds);
    }
    return max.inclusive
      ? problemMessage('problem.out_of_range.above_max', bounds)
      : problemMessage('problem.out_of_range.above_below', bounds);
  }
  if (min) {
    const bound = { text: shown, min: min.canonical };
    return min.inclusive
      ? problemMessage('problem.out_of_range.min', bound)
      : problemMessage('problem.out_of_range.above', bound);
  }
  const bound = { text: shown, max: max?.canonical ?? '' };
  return max?.inclusive
    ? problemMessage('problem.out_of_range.max', bound)
    : problemMessage('problem.out_of_range.below', bound);
}

function createDecimalChecker(column: TColumnSpec, say: TSay): TColumnChecker {
  const min = toDecimalBound(column.min);
  const max = toDecimalBound(column.max);
  const isInRange = (value: string): boolean =>
    (!min || isAboveMin(value, min)) && (!max || isBelowMax(value, max));
  return {
    canonical(text) {
      const value = canonicalDecimal(text);
      if (value === null) return undefined;
      if (value.length > MAX_DECIMAL_DIGITS && countDecimalDigits(value) > MAX_DECIMAL_DIGITS)
        return undefined;
      return isInRange(value) ? value : undefined;
    },
    describe(text) {
      const value = canonicalDecimal(text);
      if (value === null) return say('wrong_type', describeInvalidDecimal(text));
      if (countDecimalDigits(value) > MAX_DECIMAL_DIGITS) {
        return say(
          'out_of_range',
          problemMessage('problem.out_of_range.digits', { text: shorten(text), max: MAX_DECIMAL_DIGITS }),
        );
      }
      return say('out_of_range', rangeMessage(text, min, max));
    },
  };
}
