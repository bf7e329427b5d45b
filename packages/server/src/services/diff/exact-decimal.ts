/**
 * Exact decimal arithmetic on BigInt for the diff's totals ("What moved"): a value is
 * an integer and a scale, `-12.50` = { units: -1250n, scale: 2 }. Sums of a million
 * changes stay exact whatever their size (quantities have up to 38 digits).
 */
export type TExact = { units: bigint; scale: number };

export const EXACT_ZERO: TExact = { units: 0n, scale: 0 };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A plain decimal (`-12.5`, `100`, `0.001`) as an exact value; throws on anything else. */
export function parseExact(text: string): TExact {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) throw new Error(`'${text.slice(0, 60)}' is not a plain decimal.`);
  const [, sign, whole = '', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

/** An integer of `scale` decimal places (a row index's mantissa) as an exact value. */
export function exactOfUnits(units: number | bigint, scale: number): TExact {
  return { units: BigInt(units), scale };
}

function rescale(value: TExact, scale: number): bigint {
  return scale === value.scale ? value.units : value.units * 10n ** BigInt(scale - value.scale);
}

export function addExact(a: TExact, b: TExact): TExact {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtractExact(a: TExact, b: TExact): TExact {
  return addExact(a, { units: -b.units, scale: b.scale });
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function compareExact(a: TExact, b: TExact): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale) - rescale(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function absExact(value: TExact): TExact {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value;
}

/** Plain notation without trailing zeros, as the bundle writes numbers: `100.5`, `-3`, `0`. */
export function formatExact(value: TExact): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

const PERCENT_PLACES = 4;

/**
 * delta / |before| * 100, rounded half away from zero to 4 places (as the cell diff's
 * percent, change-record.ts); null when before is 0.
 */
export function percentExact(delta: TExact, before: TExact): string | null {
  if (before.units === 0n) return null;
  const scale = Math.max(delta.scale, before.scale);
  const numerator = rescale(delta, scale) * 100n * 10n ** BigInt(PERCENT_PLACES);
  const denominator = rescale(absExact(before), scale);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return formatExact({ units: negative ? -quotient : quotient, scale: PERCENT_PLACES });
}

/**
 * The decimal as a float-precise mantissa and scale for a row index: exact when the
 * mantissa is a safe integer (15 digits or so), else `null` (the reader then takes the
 * exact value from the row itself).
 */
export function mantissaOf(text: string): { mantissa: number; scale: number } | null {
  const point = text.indexOf('.');
  const scale = point < 0 ? 0 : text.length - point - 1;
  const mantissa = Number(point < 0 ? text : text.slice(0, point) + text.slice(point + 1));
  return Number.isSafeInteger(mantissa) && scale <= 120 ? { mantissa, scale } : null;
}
