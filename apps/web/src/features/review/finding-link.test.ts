import { describe, expect, it } from 'vitest';
import { findingDiffHref, sortFindings } from './finding-link';

describe('finding links', () => {
  it('opens the cell diff on the finding rows, by its first key column matched exactly', () => {
    expect(
      findingDiffHref('/ui/plans/input_sets/w@draft/diff', {
        table: 'demand',
        keyColumns: ['item_code'],
        keyValues: ['部品-001'],
      }),
    ).toBe(
      '/ui/plans/input_sets/w@draft/diff?view=cells&table=demand&kind=all&key=%E9%83%A8%E5%93%81-001&match=exact&key_column=item_code',
    );
  });

  it('opens the whole table for a finding about row counts', () => {
    expect(findingDiffHref('/d', { table: 'capacity', keyColumns: [], keyValues: [] })).toBe(
      '/d?view=cells&table=capacity&kind=all',
    );
  });

  it('lists errors before warnings', () => {
    expect(
      sortFindings([{ severity: 'warning' as const }, { severity: 'error' as const }]).map((f) => f.severity),
    ).toEqual(['error', 'warning']);
  });
});
