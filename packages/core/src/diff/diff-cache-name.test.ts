import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCacheName } from './diff-cache-name';

describe('diffCacheName', () => {
  it('joins the references as typed, keeping @ (docs/runbook.ja.md section 6)', () => {
    expect(diffCacheName('weekly_refresh@draft', 'weekly_refresh')).toBe(
      'weekly_refresh@draft__weekly_refresh',
    );
    expect(diffCacheName('weekly_refresh', 'weekly_refresh@r3')).toBe('weekly_refresh__weekly_refresh@r3');
    expect(diffCacheName('a_', 'b')).toBe('a___b');
  });

  it('refuses anything that could leave the cache folder', () => {
    for (const bad of ['../etc', 'a/b', '..', 'a\\b', '', 'Weekly', 'a@draft/..']) {
      expect(() => diffCacheName(bad, 'weekly_refresh')).toThrow(/not an input set reference/);
      expect(() => diffCacheName('weekly_refresh', bad)).toThrow(/not an input set reference/);
    }
  });

  it('gives a__b with c and a with b__c different names', () => {
    expect(diffCacheName('a__b', 'c')).toBe('a__b__c~4');
    expect(diffCacheName('a', 'b__c')).toBe('a__b__c~1');
  });

  it('never gives two pairs of references the same name', () => {
    // Labels from few characters, so that underscores and collisions are likely.
    const label = fc.stringMatching(/^[ab0][ab_.-]{0,6}$/);
    const reference = fc
      .tuple(label, fc.constantFrom('', '@draft', '@r1', '@r12'))
      .map(([l, s]) => `${l}${s}`);
    fc.assert(
      fc.property(reference, reference, reference, reference, (ref1, against1, ref2, against2) => {
        fc.pre(ref1 !== ref2 || against1 !== against2);
        expect(diffCacheName(ref1, against1)).not.toBe(diffCacheName(ref2, against2));
      }),
      { numRuns: 20_000 },
    );
  });
});
