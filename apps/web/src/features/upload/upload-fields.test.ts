import { describe, expect, it } from 'vitest';
import { checkLabel, checkVersionId, invalidLabelCharacters } from './upload-fields';

describe('checkLabel', () => {
  it('accepts the runbook labels', () => {
    expect(checkLabel('weekly_refresh')).toBeNull();
    expect(checkLabel('fy2026.q3-draft')).toBeNull();
    expect(checkLabel('0')).toBeNull();
  });

  it('asks for a label when empty', () => {
    expect(checkLabel('')).toBe('required');
  });

  it('refuses a leading dot, dash or underscore', () => {
    expect(checkLabel('-weekly')).toBe('badStart');
    expect(checkLabel('.hidden')).toBe('badStart');
  });

  it('refuses capitals, spaces, @ and slashes', () => {
    expect(checkLabel('Weekly')).toBe('badStart');
    expect(checkLabel('weekly refresh')).toBe('badCharacters');
    expect(checkLabel('weekly@draft')).toBe('badCharacters');
    expect(checkLabel('a/b')).toBe('badCharacters');
  });

  it('refuses more than 63 characters', () => {
    expect(checkLabel('a'.repeat(63))).toBeNull();
    expect(checkLabel('a'.repeat(64))).toBe('tooLong');
  });
});

describe('invalidLabelCharacters', () => {
  it('lists each offending character once', () => {
    expect(invalidLabelCharacters('Weekly Refresh!!')).toEqual(['W', ' ', 'R', '!']);
  });
});

describe('checkVersionId', () => {
  it('accepts letters, digits and _ . : / -', () => {
    expect(checkVersionId('2026-11-25/v1')).toBeNull();
    expect(checkVersionId('需要計画_v2')).toBeNull();
  });

  it('refuses spaces and empty ids', () => {
    expect(checkVersionId('')).toBe('required');
    expect(checkVersionId('v 1')).toBe('invalid');
  });
});
