import { REF_PATTERN } from '@planning-hub/contracts/labels';

/**
 * The runbook's cache name `<label>__<against>` (section 6), references as typed with
 * `@` kept: `weekly_refresh@draft__weekly_refresh`. References follow the label
 * grammar, so the name never holds a path separator; anything else is refused.
 */
export function diffCacheName(ref: string, against: string): string {
  for (const text of [ref, against]) {
    if (!REF_PATTERN.test(text)) throw new Error(`'${text.slice(0, 80)}' is not an input set reference.`);
  }
  return `${ref}__${against}`;
}
