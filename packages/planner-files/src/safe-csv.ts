/** What a spreadsheet would run as a formula (OWASP's list: = + - @, and tab and CR before them). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Excel reads a CSV file as UTF-8 only when it starts with a BOM; without it, as the PC's code page. */
const BOM = '\uFEFF';
const LINE_END = '\r\n';

/** Text a spreadsheet shows as typed: a leading `'` before = + - @ (a formula to Excel), so `-5` never runs. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell of a CSV file meant to be opened in a spreadsheet, not read back as data:
 * text starting with = + - @ (a formula to Excel) gets a leading `'`, so `-5` shows as
 * `'-5` and never runs; then RFC 4180 quoting. Numbers and empty cells go as they are.
 */
export function formatSafeCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatSafeCsvRow(values: readonly (string | number | null)[]): string {
  return values.map(formatSafeCsvCell).join(',');
}

/** A CSV document with a BOM and CRLF line ends, as Excel on Windows expects. */
export function formatSafeCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `${BOM}${[header, ...rows].map(formatSafeCsvRow).join(LINE_END)}${LINE_END}`;
}
