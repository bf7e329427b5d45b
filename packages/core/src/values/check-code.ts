import { problemMessage, shorten, type TProblemMessage } from '../validation/problem-list';
import { isFormulaStart } from './formula-start';

/** Codes (item, location, resource, metric, reference, param key): 1-64 characters (docs/design.md section 2). */
export const MAX_CODE_LENGTH = 64;

const ASCII_ALLOWED = buildAsciiAllowed();
const CODE_PATTERN = /^[\p{L}\p{N}_./:-]+$/u;
const CODE_CHARACTER = /^[\p{L}\p{N}_./:-]$/u;

function buildAsciiAllowed(): Uint8Array {
  const allowed = new Uint8Array(128);
  for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:') {
    allowed[char.charCodeAt(0)] = 1;
  }
  return allowed;
}

/**
 * Unicode letters, digits and `_ - . / :`, not starting with `= + - @`. The text
 * is kept exactly as typed (`0123` stays `0123`); nothing is trimmed or normalised.
 */
export function isValidCode(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > MAX_CODE_LENGTH * 2 || isFormulaStart(text.charCodeAt(0))) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return CODE_PATTERN.test(text) && countCodePoints(text) <= MAX_CODE_LENGTH;
    if (ASCII_ALLOWED[code] === 0) return false;
  }
  return length <= MAX_CODE_LENGTH;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

/** Why `text` is not a valid code: the message of its cell (the column is the record's). */
export function describeInvalidCode(text: string): TProblemMessage {
  const shown = shorten(text);
  if (isFormulaStart(text.charCodeAt(0)))
    return problemMessage('problem.cell.formula', { text: shown, first: text[0]! });
  for (const char of text) {
    if (!CODE_CHARACTER.test(char))
      return problemMessage('problem.invalid_code.character', { text: shown, character: char });
  }
  return problemMessage('problem.cell.too_long', { text: shown, max: MAX_CODE_LENGTH });
}
