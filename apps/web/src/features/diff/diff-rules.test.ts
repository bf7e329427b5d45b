import { describe, expect, it } from 'vitest';
import {
  NO_ROW_FILTERS,
  cellSelectionOf,
  diffColumns,
  firstSelection,
  formatDelta,
  formatExactNumber,
  formatPercent,
  formatSignedExact,
  isJobWorking,
  rowFilterQuery,
  rowFiltersFromParams,
  writeRowFilters,
} from './diff-rules';

describe('diff display rules', () => {
  it('polls only while the job is queued or running', () => {
    expect(isJobWorking(undefined)).toBe(false);
    const job = {
      jobId: 'j',
      ref: 'w@draft',
      against: 'w',
      refHash: 'a'.repeat(64),
      againstHash: 'b'.repeat(64),
      refRevision: 3,
      againstRevision: 2,
      attempts: 0,
      maxAttempts: 4,
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: null,
      error: null,
      hint: '',
    };
    expect(isJobWorking({ ...job, state: 'queued' })).toBe(true);
    expect(isJobWorking({ ...job, state: 'running' })).toBe(true);
    expect(isJobWorking({ ...job, state: 'failed' })).toBe(false);
  });

  it('starts with the first table that has changed rows, else added, else removed', () => {
    const entry = (table: 'demand' | 'capacity', added: number, removed: number, changed: number) => ({
      table,
      added,
      removed,
      changed,
      unchanged: 0,
      changedColumns: {},
    });
    expect(firstSelection([entry('demand', 0, 0, 0), entry('capacity', 2, 0, 5)])).toEqual({
      table: 'capacity',
      kind: 'changed',
    });
    expect(firstSelection([entry('demand', 0, 4, 0)])).toEqual({ table: 'demand', kind: 'removed' });
    expect(firstSelection([entry('demand', 0, 0, 0)])).toBeNull();
  });

  it('shows the key and, for changed rows, only the columns that changed', () => {
    expect(diffColumns('demand', 'changed', { quantity: 3 })).toEqual({
      key: ['item_code', 'location_code', 'period'],
      values: ['quantity'],
    });
    expect(diffColumns('demand', 'added', {})).toEqual({
      key: ['item_code', 'location_code', 'period'],
      values: ['quantity', 'uom'],
    });
  });

  it('signs deltas and rounds percents', () => {
    expect(formatDelta('20')).toBe('+20');
    expect(formatDelta('-3.5')).toBe('-3.5');
    expect(formatDelta('0')).toBe('0');
    expect(formatPercent('12.3456')).toBe('+12.35%');
    expect(formatPercent('-100.0000')).toBe('-100%');
  });
});

describe('row filters in the URL', () => {
  it('reads them with defaults, dropping a bad threshold', () => {
    expect(
      rowFiltersFromParams(
        new URLSearchParams(
          'key=ITEM-067&match=exact&key_column=item_code&column=quantity&min=10&sort=abs_delta',
        ),
      ),
    ).toEqual({
      key: 'ITEM-067',
      match: 'exact',
      keyColumn: 'item_code',
      column: 'quantity',
      minDelta: '10',
      sort: 'abs_delta',
    });
    expect(rowFiltersFromParams(new URLSearchParams('min=-3&sort=random&match=fuzzy'))).toEqual(
      NO_ROW_FILTERS,
    );
  });

  it('writes only what differs from the defaults, keeping the other parameters', () => {
    const params = writeRowFilters(new URLSearchParams('against=x&key=old'), {
      ...NO_ROW_FILTERS,
      sort: 'abs_delta',
    });
    expect(params.toString()).toBe('against=x&sort=abs_delta');
  });

  it('sends the match and key column only with a key', () => {
    expect(rowFilterQuery({ ...NO_ROW_FILTERS, match: 'exact', keyColumn: 'item_code' })).toEqual({
      key: undefined,
      match: undefined,
      key_column: undefined,
      column: undefined,
      min_delta: undefined,
      sort: undefined,
    });
    expect(rowFilterQuery({ ...NO_ROW_FILTERS, key: 'A', minDelta: '0.5' })).toMatchObject({
      key: 'A',
      match: 'prefix',
      min_delta: '0.5',
    });
  });
});

describe('cellSelectionOf', () => {
  const summary = [
    { table: 'demand', added: 0, removed: 2, changed: 0, unchanged: 0, changedColumns: {} },
    { table: 'inventory', added: 0, removed: 0, changed: 1, unchanged: 0, changedColumns: {} },
  ] as Parameters<typeof cellSelectionOf>[1];

  it('lists all changes for table=all or kind=all, else one table and kind that has rows', () => {
    expect(cellSelectionOf(new URLSearchParams('table=all&kind=all'), summary)).toEqual({
      mode: 'changes',
      table: undefined,
      kind: undefined,
    });
    expect(cellSelectionOf(new URLSearchParams('table=demand&kind=all'), summary)).toEqual({
      mode: 'changes',
      table: 'demand',
      kind: undefined,
    });
    expect(cellSelectionOf(new URLSearchParams('table=inventory&kind=changed'), summary)).toEqual({
      mode: 'rows',
      table: 'inventory',
      kind: 'changed',
    });
    expect(cellSelectionOf(new URLSearchParams('table=demand&kind=added'), summary)).toEqual({
      mode: 'rows',
      table: 'demand',
      kind: 'removed',
    });
  });
});

describe('formatExactNumber', () => {
  it('groups the digits of an exact decimal without rounding it', () => {
    expect(formatExactNumber('1234567.2500001')).toBe('1,234,567.2500001');
    expect(formatExactNumber('-1000')).toBe('-1,000');
    expect(formatSignedExact('431')).toBe('+431');
    expect(formatSignedExact('-70')).toBe('-70');
    expect(formatSignedExact('0')).toBe('0');
  });
});
