import { describe, expect, it } from 'vitest';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import {
  findDraft,
  findWaitingDraft,
  opensWaitingDraft,
  revisionTabRef,
  type TDetailTab,
} from './waiting-draft';

const ref = (text: string) => parseInputSetRef(text)!;
const ready = { id: 3, status: 'ready', revision: 3 } as const;
const draft = { id: 4, status: 'draft', revision: 4 } as const;
const archived = { id: 2, status: 'archived', revision: 2 } as const;

describe('opensWaitingDraft', () => {
  it('opens the draft from the runbook URLs {label}/review and {label}/diff', () => {
    expect(opensWaitingDraft(ref('weekly_refresh'), 'review')).toBe(true);
    expect(opensWaitingDraft(ref('weekly_refresh'), 'diff')).toBe(true);
  });

  it('keeps the ready revision on the plain label Overview and History', () => {
    for (const tab of ['overview', 'history'] satisfies TDetailTab[]) {
      expect(opensWaitingDraft(ref('weekly_refresh'), tab), tab).toBe(false);
    }
  });

  it('never moves an explicit reference: {label}@rN and {label}@draft are what they say', () => {
    for (const tab of ['overview', 'diff', 'review', 'history'] satisfies TDetailTab[]) {
      expect(opensWaitingDraft(ref('weekly_refresh@r3'), tab), tab).toBe(false);
      expect(opensWaitingDraft(ref('weekly_refresh@draft'), tab), tab).toBe(false);
    }
  });
});

describe('findDraft', () => {
  it('finds the draft among the revisions of a label, or nothing', () => {
    expect(findDraft([draft, ready, archived])).toBe(draft);
    expect(findDraft([ready, archived])).toBeUndefined();
    expect(findDraft([])).toBeUndefined();
  });
});

describe('findWaitingDraft', () => {
  it('points a ready revision to the draft waiting for review', () => {
    expect(findWaitingDraft(ready, [draft, ready, archived])).toBe(draft);
  });

  it('points nowhere without a draft', () => {
    expect(findWaitingDraft(ready, [ready, archived])).toBeUndefined();
  });

  it('shows no pointer on a draft or an archived revision', () => {
    expect(findWaitingDraft(draft, [draft, ready])).toBeUndefined();
    expect(findWaitingDraft(archived, [draft, ready, archived])).toBeUndefined();
  });

  it('does not point a just-approved revision to itself from a list read before the approval', () => {
    expect(findWaitingDraft({ id: 4, status: 'ready', revision: 4 }, [draft, ready])).toBeUndefined();
  });
});

describe('revisionTabRef', () => {
  it('names the ready revision exactly while a draft waits, so its tabs stay on it', () => {
    expect(
      revisionTabRef({ ref: 'weekly_refresh', label: 'weekly_refresh', shown: ready, hasWaitingDraft: true }),
    ).toBe('weekly_refresh@r3');
  });

  it('keeps the plain label when no draft waits', () => {
    expect(
      revisionTabRef({
        ref: 'weekly_refresh',
        label: 'weekly_refresh',
        shown: ready,
        hasWaitingDraft: false,
      }),
    ).toBe('weekly_refresh');
  });

  it('keeps an explicit reference', () => {
    expect(
      revisionTabRef({
        ref: 'weekly_refresh@r3',
        label: 'weekly_refresh',
        shown: ready,
        hasWaitingDraft: true,
      }),
    ).toBe('weekly_refresh@r3');
  });
});
