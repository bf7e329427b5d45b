/** Spreadsheet formula injection: a cell starting with one of these runs as a formula in Excel. */
export function isFormulaStart(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64;
}
