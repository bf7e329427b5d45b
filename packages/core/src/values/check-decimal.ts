import Decimal from 'decimal.js';
import { canonicalDecimal } from '../canonical/canonical-decimal';
import { problemMessage, shorten, type TProblemMessage } from '../validation/problem-list';

/** More digits than this is a typing or export accident, not a planning quantity. */
export const MAX_DECIMAL_DIGITS = 38;

const THOUSANDS_SEPARATED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const FULL_WIDTH = /[０-９．，－＋]/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

/** Why `text` is not a plain decimal, with the fix: the message of its cell. */
export function describeInvalidDecimal(text: string): TProblemMessage {
  const shown = shorten(text);
  if (text.trim() !== text) {
    const trimmed = canonicalDecimal(text.trim());
    return trimmed === null
      ? problemMessage('problem.wrong_type.decimal_spaces_not_number', { text: shown })
      : problemMessage('problem.wrong_type.decimal_spaces', { text: shown, fixed: text.trim() });
  }
  if (FULL_WIDTH.test(text)) {
    const halfWidth = text.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    return problemMessage('problem.wrong_type.decimal_full_width', { text: shown, fixed: halfWidth });
  }
  if (THOUSANDS_SEPARATED.test(text)) {
    return problemMessage('problem.wrong_type.decimal_thousands', {
      text: shown,
      fixed: text.replace(/,/g, ''),
    });
  }
  if (DECIMAL_COMMA.test(text))
    return problemMessage('problem.wrong_type.decimal_comma', { text: shown, fixed: text.replace(',', '.') });
  if (EXPONENT.test(text)) {
    return problemMessage('problem.wrong_type.decimal_exponent', {
      text: shown,
      fixed: new Decimal(text).toFixed(),
    });
  }
  if (text.startsWith('+'))
    return problemMessage('problem.wrong_type.decimal_plus', { text: shown, fixed: text.slice(1) });
  if (/^[-+]?[¥$€£]|[%円]$/.test(text))
    return problemMessage('problem.wrong_type.decimal_currency', { text: shown });
  return problemMessage('problem.wrong_type.decimal', { text: shown });
}

/** Exact decimal of a JSON number: `1e-7` becomes `0.0000001`; only finite numbers. */
export function decimalOfJsonNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return canonicalDecimal(/e/i.test(text) ? new Decimal(text).toFixed() : text);
}
