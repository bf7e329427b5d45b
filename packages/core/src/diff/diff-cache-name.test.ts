import { describe, expect, it } from 'vitest';
import { diffCacheName } from './diff-cache-name';

describe('diffCacheName', () => {
  it('joins the references as typed, keeping @ (runbook section 6)', () => {
    expect(diffCacheName('weekly_refresh@draft', 'weekly_refresh')).toBe('weekly_refresh@draft__weekly_refresh');
    expect(diffCacheName('weekly_refresh', 'weekly_refresh@r3')).toBe('weekly_refresh__weekly_refresh@r3');
  });

  it('refuses anything that could leave the cache folder', () => {
    for (const bad of ['../etc', 'a/b', '..', 'a\\b', '', 'Weekly', 'a@draft/..']) {
      expect(() => diffCacheName(bad, 'weekly_refresh')).toThrow(/not an input set reference/);
      expect(() => diffCacheName('weekly_refresh', bad)).toThrow(/not an input set reference/);
    }
  });
});
