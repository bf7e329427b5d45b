/** Times in Japan time, labelled, as everywhere in the product (docs/design.md section 5). */
export { formatJst } from '@planning-hub/contracts/time/format-jst';

const COUNT = new Intl.NumberFormat('en-US');

/** Counts with thousands separators: `1,204`. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** File sizes in powers of 1024: `512 B`, `1.5 KB`, `12.0 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${BYTE_UNITS[0]}` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** A content hash is long; the first 12 hex digits identify it to a human. */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return '';
  const hex = hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
  return hex.slice(0, 12);
}

const FIGURE_FORMATS = new Map<number, Intl.NumberFormat>();

function figureFormat(fractionDigits: number): Intl.NumberFormat {
  let format = FIGURE_FORMATS.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: fractionDigits });
    FIGURE_FORMATS.set(fractionDigits, format);
  }
  return format;
}

const DECIMAL_TEXT = /^[-+]?\d+(\.\d+)?$/;

/**
 * An exact decimal as the API sends it, rounded for reading: `"2386.875"` -> `2,386.9`.
 * Rounded from the text itself (half away from zero), never through a binary float;
 * text that is not a decimal is shown as it is.
 */
export function formatFigure(text: string | null | undefined, fractionDigits = 1): string {
  if (text === null || text === undefined || text.trim() === '') return '—';
  const value = text.trim();
  if (!DECIMAL_TEXT.test(value)) return value;
  const rounded = figureFormat(fractionDigits).format(value as Intl.StringNumericLiteral);
  // A small negative rounds to "-0", which reads as a shortage that is not there.
  return /^-0(\.0+)?$/.test(rounded) ? rounded.slice(1) : rounded;
}
