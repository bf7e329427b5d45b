/**
 * The fixes a planner can apply to many marked cells at once. Each one changes a value
 * only when the intended value is certain, as the server's hint says it; anything it
 * cannot be sure of (a two-digit year, an Excel serial number, a decimal comma, a
 * month-first date) is left as it is for the planner (docs/design.md sections 2 and 3).
 */
export const BULK_FIXES = ['halfWidthDigits', 'trimSpaces', 'thousandsSeparators', 'dateFormat'] as const;
export type TBulkFix = (typeof BULK_FIXES)[number];

/** The full-width characters of a number, as the server's hint converts them (check-decimal.ts). */
const FULL_WIDTH_NUMBER_CHARACTERS = /[０-９．，－＋]/g;
/** `1,234` and `-12,345.5`: groups of exactly three digits, the server's own test for a thousands separator. */
const THOUSANDS_SEPARATED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Year first, four digits, then month and day, with `/`, `-` or `.` between, or 年 月 日. */
const YEAR_FIRST_DATE = /^(\d{4})(?:([/.-])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
/** Earlier years are typing accidents, as the server says (check-date.ts). */
const MIN_YEAR = 1900;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** １２３ -> 123; full-width `．，－＋` become `. , - +` (a full-width 1，234 then needs the separators fix). */
export function toHalfWidthDigits(value: string): string {
  return value.replace(FULL_WIDTH_NUMBER_CHARACTERS, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Spaces around the value, full-width ones (U+3000) and tabs included. */
export function trimSpaces(value: string): string {
  return value.trim();
}

/** 1,234 -> 1234; only well-formed groups of three, so 1,5 (a decimal comma?) stays. */
export function removeThousandsSeparators(value: string): string {
  return THOUSANDS_SEPARATED.test(value) ? value.replace(/,/g, '') : value;
}

/**
 * 2027/1/5, 2027-1-5, 2027.1.5 and 2027年1月5日 -> 2027-01-05, for a real day from 1900 on.
 * Two-digit years (27/1/5), Excel serial numbers (46392) and day-month orders stay as they are.
 */
export function toIsoDate(value: string): string {
  const match = YEAR_FIRST_DATE.exec(value);
  if (!match) return value;
  const year = Number(match[1]);
  const month = Number(match[3] ?? match[5]);
  const day = Number(match[4] ?? match[6]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return value;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXES: Record<TBulkFix, (value: string) => string> = {
  halfWidthDigits: toHalfWidthDigits,
  trimSpaces,
  thousandsSeparators: removeThousandsSeparators,
  dateFormat: toIsoDate,
};

/** The value after the fix; the same value when the fix does not apply. */
export function applyBulkFix(fix: TBulkFix, value: string): string {
  return FIXES[fix](value);
}
