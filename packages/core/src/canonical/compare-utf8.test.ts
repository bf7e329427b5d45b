import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8 } from './compare-utf8';

describe('compareUtf8', () => {
  it('orders like the UTF-8 bytes (PostgreSQL COLLATE "C"), not like UTF-16 code units', () => {
    // U+FF61 (half-width katakana) is below U+1F600 in UTF-8 although its UTF-16 unit is above the surrogate.
    expect(compareUtf8('\uff61', '\u{1f600}')).toBeLessThan(0);
    expect('\uff61' < '\u{1f600}').toBe(false);
    expect(compareUtf8('A', 'a')).toBeLessThan(0);
    expect(compareUtf8('部品-001', '部品-0010')).toBeLessThan(0);
  });

  it('agrees with a byte comparison of the UTF-8 encodings for any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
