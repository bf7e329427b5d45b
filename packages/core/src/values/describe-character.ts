const NAMED_CHARACTERS: Record<string, string> = {
  ' ': 'a space',
  '\u3000': 'a full-width space',
  '\t': 'a tab',
  '\r': 'a line break',
  '\n': 'a line break',
  ',': 'a comma',
  '"': 'a double quote',
};

/** A character as a planner can find it in the cell: `a space`, `'#' (U+0023)`. */
export function describeCharacter(char: string): string {
  const named = NAMED_CHARACTERS[char];
  if (named) return named;
  const codePoint = char.codePointAt(0) ?? 0;
  return `'${char}' (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Spreadsheet formula injection: a cell starting with one of these runs as a formula in Excel. */
export function isFormulaStart(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64;
}
