import { describe, expect, it } from 'vitest';
import { readListFilters, writeListFilters } from './list-query';

describe('readListFilters', () => {
  it('reads status and search from the URL', () => {
    expect(readListFilters(new URLSearchParams('status=draft&search=weekly'))).toEqual({
      status: 'draft',
      search: 'weekly',
    });
  });

  it('ignores an unknown status and an empty search', () => {
    expect(readListFilters(new URLSearchParams('status=deleted&search=%20%20'))).toEqual({});
  });

  it('bounds the search text as the contract does', () => {
    const long = 'a'.repeat(150);
    expect(readListFilters(new URLSearchParams({ search: long })).search).toHaveLength(100);
  });
});

describe('writeListFilters', () => {
  it('leaves out empty values', () => {
    expect(writeListFilters({ status: 'ready', search: ' ' }).toString()).toBe('status=ready');
    expect(writeListFilters({}).toString()).toBe('');
  });

  it('round-trips', () => {
    const filters = { status: 'archived' as const, search: 'weekly refresh' };
    expect(readListFilters(writeListFilters(filters))).toEqual(filters);
  });
});
