import { describe, expect, it } from 'vitest';
import { formatJst, isoJst, jstDate } from './format-jst';

describe('JST formatting (one for the SPA, the CLI and events.json)', () => {
  it('shows UTC midnight as 09:00 JST the same day', () => {
    expect(formatJst('2026-11-25T00:00:00.000Z')).toBe('2026-11-25 09:00:00 JST');
  });
  it('rolls over to the next day in Tokyo, midnight as 00, not 24', () => {
    expect(formatJst('2026-12-31T15:30:00Z')).toBe('2027-01-01 00:30:00 JST');
    expect(formatJst(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-25 00:00:00 JST');
  });
  it('leaves missing values empty and other text unchanged', () => {
    expect(formatJst(null)).toBe('');
    expect(formatJst(undefined)).toBe('');
    expect(formatJst('not a time')).toBe('not a time');
  });
  it('crosses the date line at 15:00 UTC', () => {
    expect(isoJst('2026-11-25T15:30:00.000Z')).toBe('2026-11-26T00:30:00+09:00');
    expect(jstDate('2026-11-25T15:30:00.000Z')).toBe('2026-11-26');
  });
});
