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
import { canonicalParamValue, parseParamCell } from '../values/check-json-value';
import { describeInvalidPeriod, granularityOfPeriod, isValidPeriod } from '../values/check-period';
import { describeInvalidText, isValidText } from '../values/check-text';
import { quote } from './problem-list';

export type TCellIssue = { code: TProblemCode; message: string };

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
  const name = column.name;
  const say = (code: TProblemCode, text: string, detail: string): TCellIssue => ({
    code,
    message: `${name} ${quote(text)} ${detail}.`,
  });
  switch (column.type) {
    case 'code':
    case 'key':
      return {
        canonical: (text) => (isValidCode(text) ? text : undefined),
        describe: (text) => say('invalid_code', text, describeInvalidCode(text)),
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
          return say(code, text, problem.detail);
        },
      };
    case 'boolean':
      return {
        canonical: (text) => canonicalBoolean(text) ?? undefined,
        describe: (text) => say('wrong_type', text, 'is not true/false (write true, false, 1 or 0)'),
      };
    case 'date':
      return {
        canonical: (text) => (isValidDate(text) ? text : undefined),
        describe: (text) => say('wrong_type', text, describeInvalidDate(text)),
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
          return say('param_invalid', text, 'problem' in result ? result.problem : 'is not valid');
        },
      };
  }
}

type TSay = (code: TProblemCode, text: string, detail: string) => TCellIssue;

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
    describe: (text) => say('period_granularity', text, describeInvalidPeriod(text, granularity)),
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

function describeRange(min: TDecimalBound | null, max: TDecimalBound | null): string {
  const parts: string[] = [];
  if (min) parts.push(min.inclusive ? `${min.canonical} or more` : `greater than ${min.canonical}`);
  if (max) parts.push(max.inclusive ? `at most ${max.canonical}` : `less than ${max.canonical}`);
  return `must be ${parts.join(' and ')}`;
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
      if (value === null) return say('wrong_type', text, describeInvalidDecimal(text));
      if (countDecimalDigits(value) > MAX_DECIMAL_DIGITS) {
        return say('out_of_range', text, `has more than ${MAX_DECIMAL_DIGITS} digits`);
      }
      return say('out_of_range', text, describeRange(min, max));
    },
  };
}
