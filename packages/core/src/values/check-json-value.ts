import { canonicalJson } from '../json/canonical-json';

/** Param values are settings, not data: nesting and size are bounded. */
export const MAX_JSON_DEPTH = 8;
export const MAX_JSON_TEXT_LENGTH = 10_000;

/** A params.csv cell: JSON if it parses as JSON, else the text itself as a JSON string. */
export function parseParamCell(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Nesting depth of a JSON value (a scalar is 0), counting no further than `limit + 1`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value as Record<string, unknown>)) {
    deepest = Math.max(deepest, jsonDepth(child, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}

/** PostgreSQL jsonb refuses NUL and unpaired surrogates in strings (only JSON escapes can make them). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE_CHARACTER = /\u0000|\p{Cs}/u;

function hasUnstorableString(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE_CHARACTER.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, child]) => UNSTORABLE_CHARACTER.test(key) || hasUnstorableString(child),
  );
}

/** Why a param value is refused: nested too deep, too long, or holding what jsonb cannot store. */
export type TParamValueProblem = 'too_deep' | 'too_long' | 'unstorable';

/** Canonical JSON of a param value, or why it is refused. */
export function canonicalParamValue(value: unknown): { text: string } | { problem: TParamValueProblem } {
  if (jsonDepth(value) > MAX_JSON_DEPTH) return { problem: 'too_deep' };
  const text = canonicalJson(value);
  if (text.length > MAX_JSON_TEXT_LENGTH) return { problem: 'too_long' };
  if (hasUnstorableString(value)) return { problem: 'unstorable' };
  return { text };
}
