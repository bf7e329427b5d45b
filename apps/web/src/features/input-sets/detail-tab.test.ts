import { describe, expect, it } from 'vitest';
import { detailTabHref } from './detail-tab';

describe('detailTabHref', () => {
  it('builds the URL of each tab of a revision', () => {
    expect(detailTabHref('overview', 'weekly_refresh@draft')).toBe(
      '/ui/plans/input_sets/weekly_refresh@draft',
    );
    expect(detailTabHref('diff', 'weekly_refresh@draft')).toBe(
      '/ui/plans/input_sets/weekly_refresh@draft/diff',
    );
    expect(detailTabHref('review', 'weekly_refresh@draft')).toBe(
      '/ui/plans/input_sets/weekly_refresh@draft/review',
    );
    expect(detailTabHref('history', 'weekly_refresh@r3')).toBe(
      '/ui/plans/input_sets/weekly_refresh@r3/history',
    );
  });
});
