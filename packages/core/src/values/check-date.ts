import { problemMessage, shorten, type TProblemMessage } from '../validation/problem-list';

/** Years before this are typos (two-digit years, Excel serials), not planning dates; four digits cap them at 9999. */
export const MIN_YEAR = 1900;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Strictly `YYYY-MM-DD` and a real day: 2027-02-30 is not. */
export function isValidDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Why `text` is not a date, with the fix: the message of its cell. */
export function describeInvalidDate(text: string): TProblemMessage {
  const shown = shorten(text);
  if (/^\d{4,6}(\.\d+)?$/.test(text))
    return problemMessage('problem.wrong_type.date_excel_serial', { text: shown });
  const shape = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (shape) {
    const [year, month] = [Number(shape[1]), Number(shape[2])];
    if (year < MIN_YEAR)
      return problemMessage('problem.wrong_type.date_year', {
        text: shown,
        year: shape[1]!,
        minYear: MIN_YEAR,
      });
    if (month < 1 || month > 12)
      return problemMessage('problem.wrong_type.date_month', { text: shown, month: shape[2]! });
    const days = daysInMonth(year, month);
    return problemMessage('problem.wrong_type.date_day', {
      text: shown,
      yearMonth: `${year}-${shape[2]}`,
      days,
    });
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text))
    return problemMessage('problem.wrong_type.date_two_digit_year', { text: shown });
  return problemMessage('problem.wrong_type.date', { text: shown });
}
