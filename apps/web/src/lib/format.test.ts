import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatFigure, shortHash } from './format';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12.0 MB');
  });
});

describe('shortHash', () => {
  it('keeps the first 12 hex digits', () => {
    expect(shortHash('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortHash('fedcba9876543210')).toBe('fedcba987654');
  });
});

describe('formatFigure', () => {
  it('rounds an exact decimal for reading, with thousands separators', () => {
    expect(formatFigure('2386.875')).toBe('2,386.9');
    expect(formatFigure('120')).toBe('120');
    expect(formatFigure('0.05')).toBe('0.1');
    expect(formatFigure('-2.25')).toBe('-2.3');
  });

  it('rounds from the text, not a binary float', () => {
    expect(formatFigure('12345678901234567890.25')).toBe('12,345,678,901,234,567,890.3');
  });

  it('never shows "-0"', () => {
    expect(formatFigure('-0.04')).toBe('0');
  });

  it('shows what is not a decimal as it is, and nothing as a dash', () => {
    expect(formatFigure('n/a')).toBe('n/a');
    expect(formatFigure(null)).toBe('—');
  });
});
