import { describe, expect, it } from 'vitest';
import { decodeRefParam } from './ref-param';

describe('decodeRefParam', () => {
  it('keeps a plain reference', () => {
    expect(decodeRefParam('weekly_refresh@draft')).toBe('weekly_refresh@draft');
  });

  it('decodes an encoded @', () => {
    expect(decodeRefParam('weekly_refresh%40r3')).toBe('weekly_refresh@r3');
  });

  it('decodes a link that was encoded twice', () => {
    expect(decodeRefParam('foo%2540draft')).toBe('foo@draft');
  });

  it('survives a malformed escape', () => {
    expect(decodeRefParam('foo%E0%A4%A')).toBe('foo%E0%A4%A');
  });

  it('treats a missing param as empty', () => {
    expect(decodeRefParam(undefined)).toBe('');
  });
});
