import Decimal from 'decimal.js';
import { canonicalDecimal } from '../canonical/canonical-decimal';

/** More digits than this is a typing or export accident, not a planning quantity. */
export const MAX_DECIMAL_DIGITS = 38;

const THOUSANDS_SEPARATED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const FULL_WIDTH = /[０-９．，－＋]/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

/** Why `text` is not a plain decimal, with the fix, as the end of a sentence. */
export function describeInvalidDecimal(text: string): string {
  if (text.trim() !== text) {
    const trimmed = canonicalDecimal(text.trim());
    return trimmed === null ? 'is not a number' : `has spaces around it; write ${text.trim()}`;
  }
  if (FULL_WIDTH.test(text)) {
    const halfWidth = text.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    return `uses full-width characters; write half-width digits (${halfWidth})`;
  }
  if (THOUSANDS_SEPARATED.test(text)) {
    return `has thousands separators; write ${text.replace(/,/g, '')} without commas`;
  }
  if (DECIMAL_COMMA.test(text)) return `uses a comma as decimal mark; write ${text.replace(',', '.')}`;
  if (EXPONENT.test(text)) return `is in exponent notation; write it out (${new Decimal(text).toFixed()})`;
  if (text.startsWith('+')) return `starts with '+'; write ${text.slice(1)}`;
  if (/^[-+]?[¥$€£]|[%円]$/.test(text)) return 'has a currency or percent sign; write the plain number';
  return 'is not a number (plain decimal notation, e.g. 1234.5)';
}

/** Exact decimal of a JSON number: `1e-7` becomes `0.0000001`; only finite numbers. */
export function decimalOfJsonNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return canonicalDecimal(/e/i.test(text) ? new Decimal(text).toFixed() : text);
}
