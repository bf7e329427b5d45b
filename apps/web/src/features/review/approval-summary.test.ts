import { describe, expect, it } from 'vitest';
import type { TDiffResult } from '@planning-hub/contracts/api/diff';
import { en, type TMessageKey } from '../../i18n/en';
import { enPages } from '../../i18n/en-pages';
import { ja } from '../../i18n/ja';
import { jaPages } from '../../i18n/ja-pages';
import { createTranslators } from '../../i18n/translate';
import { approvalSentence, toApprovalImpact, type TApprovalFacts } from './approval-summary';

const HASH = '1a2b3c4d5e6f'.padEnd(64, '0');
const english = createTranslators<TMessageKey>({ ...en, ...enPages });
const japanese = createTranslators<TMessageKey>({ ...ja, ...jaPages });

const done: TDiffResult = {
  state: 'done',
  ref: 'weekly_refresh@draft',
  against: 'weekly_refresh',
  refHash: HASH,
  againstHash: 'f'.repeat(64),
  refRevision: 4,
  againstRevision: 3,
  computedAt: '2026-11-25T06:04:00.000Z',
  identical: false,
  summary: [],
  totals: { added: 1, removed: 2, changed: 53_898, unchanged: 10 },
  cacheFile: 'tmp/input_set_diffs/weekly_refresh@draft__weekly_refresh.json',
};

const facts = (impact: TApprovalFacts['impact'], archivedRevision: number | null = 3): TApprovalFacts => ({
  label: 'weekly_refresh',
  revision: 4,
  versionId: '2026-W49',
  contentHash: HASH,
  archivedRevision,
  impact,
});

describe('toApprovalImpact', () => {
  const idle = { isPending: false, isError: false, data: undefined };

  it('says a label without a ready revision has nothing to compare with', () => {
    expect(toApprovalImpact(false, idle)).toEqual({ kind: 'first' });
  });

  it('waits in plain words while the diff job is queued or running (202)', () => {
    const job = {
      ...done,
      state: 'running' as const,
      jobId: 'j',
      attempts: 1,
      maxAttempts: 3,
      createdAt: done.computedAt,
      startedAt: null,
      error: null,
      hint: '',
    };
    expect(toApprovalImpact(true, { isPending: false, isError: false, data: job })).toEqual({
      kind: 'comparing',
    });
    expect(toApprovalImpact(null, idle)).toEqual({ kind: 'loading' });
  });

  it('counts per table once the diff is done', () => {
    const impact = toApprovalImpact(true, { isPending: false, isError: false, data: done });
    expect(impact).toMatchObject({ kind: 'done', againstRef: 'weekly_refresh', againstRevision: 3 });
  });
});

describe('approvalSentence', () => {
  it('names what becomes ready, what is archived and how many rows change', () => {
    const impact = toApprovalImpact(true, { isPending: false, isError: false, data: done });
    expect(approvalSentence(facts(impact), english)).toBe(
      'weekly_refresh r4 (version 2026-W49, content hash 1a2b3c4d5e6f…) becomes ready; r3 is archived; 53,901 changed rows.',
    );
    expect(approvalSentence(facts(impact), japanese)).toBe(
      'weekly_refresh r4(バージョンID 2026-W49、コンテンツハッシュ 1a2b3c4d5e6f…)が ready になります。r3 は archived になります。変わる行は 53,901 行です。',
    );
  });

  it('says when the draft becomes the label’s first ready revision', () => {
    expect(approvalSentence(facts({ kind: 'first' }, null), english)).toBe(
      'weekly_refresh r4 (version 2026-W49, content hash 1a2b3c4d5e6f…) becomes ready; it is the label’s first ready revision.',
    );
  });

  it('does not guess the count while the comparison runs', () => {
    expect(approvalSentence(facts({ kind: 'comparing' }), english)).toMatch(
      /; r3 is archived; the comparison with the ready revision has not finished, so the changed rows are not counted yet\.$/,
    );
  });

  it('says so when nothing changes', () => {
    const impact = toApprovalImpact(true, {
      isPending: false,
      isError: false,
      data: { ...done, identical: true, totals: { added: 0, removed: 0, changed: 0, unchanged: 5 } },
    });
    expect(approvalSentence(facts(impact), english)).toMatch(/; r3 is archived; no row changes\.$/);
  });
});
