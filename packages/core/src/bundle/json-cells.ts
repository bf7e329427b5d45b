import type { TColumnSpec } from '@planning-hub/contracts/tables';
import { problemMessage, type TProblemMessage } from '../validation/problem-list';
import { decimalOfJsonNumber } from '../values/check-decimal';

/**
 * One JSON value as the text a CSV cell would hold, or why it cannot be one.
 * Strings are taken as typed; numbers only where a number belongs (codes are
 * text: `"0123"`, never `123`); null is an empty cell. JSON numbers are exact up
 * to 15 significant digits; longer decimals must be written as strings.
 */
export function jsonCellText(
  column: TColumnSpec,
  value: unknown,
): { text: string } | { problem: TProblemMessage } {
  if (value === null) return { text: '' };
  switch (typeof value) {
    case 'string':
      return { text: value };
    case 'number': {
      if (column.type === 'decimal') {
        const decimal = decimalOfJsonNumber(value);
        return decimal === null
          ? { problem: problemMessage('problem.wrong_type.json_not_finite', {}) }
          : { text: decimal };
      }
      if (column.type === 'boolean' && (value === 0 || value === 1)) return { text: String(value) };
      return { problem: problemMessage('problem.wrong_type.json_number', { number: String(value) }) };
    }
    case 'boolean':
      return column.type === 'boolean'
        ? { text: String(value) }
        : {
            problem: problemMessage('problem.wrong_type.json_boolean', {
              boolean: String(value),
              type: column.type,
            }),
          };
    default:
      return {
        problem: Array.isArray(value)
          ? problemMessage('problem.wrong_type.json_list', {})
          : problemMessage('problem.wrong_type.json_object', {}),
      };
  }
}

/**
 * 1-based line of a JSON.parse error: from its `line N` or `position N` detail,
 * else by finding the shortest prefix of the text that is wrong (rather than
 * merely unfinished). Runs only for a file that failed to parse.
 */
export function lineOfJsonError(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return lineAt(text, position ? Number(position[1]) : findJsonErrorOffset(text));
}

function lineAt(text: string, offset: number): number {
  const end = Math.min(offset, text.length);
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function isWrongPrefix(text: string, length: number): boolean {
  try {
    JSON.parse(text.slice(0, length));
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of (JSON )?input/i.test(message)) return false;
    // V8 reports an input that merely stops early at the position where it stops.
    const position = /position (\d+)/.exec(message);
    return !(position && Number(position[1]) >= length);
  }
}

function findJsonErrorOffset(text: string): number {
  let low = 1;
  let high = text.length;
  if (!isWrongPrefix(text, high)) return high;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isWrongPrefix(text, middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
