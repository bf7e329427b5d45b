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

/** Canonical JSON of a param value, or why it is refused. */
export function canonicalParamValue(value: unknown): { text: string } | { problem: string } {
  if (jsonDepth(value) > MAX_JSON_DEPTH) return { problem: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
  const text = canonicalJson(value);
  if (text.length > MAX_JSON_TEXT_LENGTH) return { problem: `is longer than ${MAX_JSON_TEXT_LENGTH} characters` };
  return { text };
}
