import { describe, expect, it } from 'vitest';
import { formatJst, isoJst } from './format-jst';

describe('JST formatting', () => {
  it('shows UTC midnight as 09:00 JST the same day', () => {
    expect(formatJst('2026-11-25T00:00:00.000Z')).toBe('2026-11-25 09:00:00 JST');
  });
  it('crosses the date line at 15:00 UTC', () => {
    expect(isoJst('2026-11-25T15:30:00.000Z')).toBe('2026-11-26T00:30:00+09:00');
  });
});
