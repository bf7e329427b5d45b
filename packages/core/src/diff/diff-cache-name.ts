import { REF_PATTERN } from '@planning-hub/contracts/labels';

/**
 * The runbook's cache name `<label>__<against>` (section 6), references as typed with
 * `@` kept: `weekly_refresh@draft__weekly_refresh`. References follow the label
 * grammar, so the name never holds a path separator; anything else is refused.
 *
 * Labels may hold `__` themselves: `a__b` with `c` and `a` with `b__c` would both be
 * `a__b__c`, and each request would delete the other's result as stale. When either
 * reference holds `__`, the name ends in `~<length of ref>` (`a__b__c~4`, `a__b__c~1`):
 * `~` never occurs in a reference, and the length says where `ref` ends. Without `__`
 * in either reference the split is already unambiguous (a reference starts with a
 * letter or digit), so ordinary names stay as the runbook prints them.
 */
export function diffCacheName(ref: string, against: string): string {
  for (const text of [ref, against]) {
    if (!REF_PATTERN.test(text)) throw new Error(`'${text.slice(0, 80)}' is not an input set reference.`);
  }
  const name = `${ref}__${against}`;
  return ref.includes('__') || against.includes('__') ? `${name}~${ref.length}` : name;
}
