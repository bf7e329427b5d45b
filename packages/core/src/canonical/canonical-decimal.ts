/**
 * Canonical decimal text (docs/design.md section 2: quantities are kept exactly).
 *
 * Accepted input is plain decimal notation: an optional `-`, digits, an optional
 * `.` and digits. `.5` and `5.` are accepted (`0.5`, `5`); no `+`, no exponent,
 * no separators, no spaces. The canonical form strips leading zeros of the
 * integer part and trailing zeros of the fraction: `0100.50` -> `100.5`,
 * `-0.0` -> `0`. PostgreSQL NUMERIC text (`100.50`) maps to the same form.
 */
export function canonicalDecimal(text: string): string | null {
  const length = text.length;
  let i = 0;
  let isNegative = false;
  if (length > 0 && text.charCodeAt(0) === 45) {
    isNegative = true;
    i = 1;
  }
  const integerStart = i;
  while (i < length && isDigitCode(text.charCodeAt(i))) i++;
  const integerEnd = i;
  let fractionStart = i;
  let fractionEnd = i;
  if (i < length && text.charCodeAt(i) === 46) {
    i++;
    fractionStart = i;
    while (i < length && isDigitCode(text.charCodeAt(i))) i++;
    fractionEnd = i;
  }
  if (i !== length || (integerEnd === integerStart && fractionEnd === fractionStart)) return null;

  let firstSignificant = integerStart;
  while (firstSignificant < integerEnd && text.charCodeAt(firstSignificant) === 48) firstSignificant++;
  let lastSignificant = fractionEnd;
  while (lastSignificant > fractionStart && text.charCodeAt(lastSignificant - 1) === 48) lastSignificant--;

  const integerPart = firstSignificant === integerEnd ? '0' : text.slice(firstSignificant, integerEnd);
  const magnitude =
    lastSignificant === fractionStart
      ? integerPart
      : `${integerPart}.${text.slice(fractionStart, lastSignificant)}`;
  if (magnitude === '0') return '0';
  return isNegative ? `-${magnitude}` : magnitude;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Number of digits (integer and fraction) of a canonical decimal. */
export function countDecimalDigits(canonical: string): number {
  let digits = canonical.length;
  if (canonical.charCodeAt(0) === 45) digits--;
  if (canonical.includes('.')) digits--;
  return digits;
}

/** Exact comparison of two canonical decimals (as canonicalDecimal returns them). */
export function compareCanonicalDecimals(a: string, b: string): number {
  const isANegative = a.charCodeAt(0) === 45;
  const isBNegative = b.charCodeAt(0) === 45;
  if (isANegative !== isBNegative) return isANegative ? -1 : 1;
  const magnitudeOrder = compareMagnitudes(isANegative ? a.slice(1) : a, isBNegative ? b.slice(1) : b);
  return isANegative ? -magnitudeOrder : magnitudeOrder;
}

function compareMagnitudes(a: string, b: string): number {
  const aDot = a.indexOf('.');
  const bDot = b.indexOf('.');
  const aInteger = aDot === -1 ? a : a.slice(0, aDot);
  const bInteger = bDot === -1 ? b : b.slice(0, bDot);
  if (aInteger.length !== bInteger.length) return aInteger.length < bInteger.length ? -1 : 1;
  if (aInteger !== bInteger) return aInteger < bInteger ? -1 : 1;
  const aFraction = aDot === -1 ? '' : a.slice(aDot + 1);
  const bFraction = bDot === -1 ? '' : b.slice(bDot + 1);
  if (aFraction === bFraction) return 0;
  // Canonical fractions have no trailing zeros, so plain string order is numeric order.
  return aFraction < bFraction ? -1 : 1;
}
