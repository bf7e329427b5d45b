import { describe, expect, it } from 'vitest';
import { blockedReason, buildReviewRequest, defaultAction, needsAcknowledgement } from './review-rules';

const draft = { status: 'draft' as const, errorCount: 0, warningCount: 0 };

describe('review rules', () => {
  it('approves only drafts without validation errors', () => {
    expect(blockedReason('approve', draft)).toBeNull();
    expect(blockedReason('approve', { ...draft, errorCount: 3 })).toBe('approveHasErrors');
    expect(blockedReason('approve', { ...draft, status: 'ready' })).toBe('approveNeedsDraft');
  });

  it('reverts only ready sets', () => {
    expect(blockedReason('revert', { ...draft, status: 'ready' })).toBeNull();
    expect(blockedReason('revert', draft)).toBe('revertNeedsReady');
    expect(blockedReason('revert', { ...draft, status: 'archived' })).toBe('revertNeedsReady');
  });

  it('starts with the action that fits the status', () => {
    expect(defaultAction('draft')).toBe('approve');
    expect(defaultAction('ready')).toBe('revert');
  });

  it('asks to acknowledge warnings only when approving a revision that has them', () => {
    expect(needsAcknowledgement('approve', { ...draft, warningCount: 2 })).toBe(true);
    expect(needsAcknowledgement('approve', draft)).toBe(false);
    expect(needsAcknowledgement('revert', { ...draft, warningCount: 2 })).toBe(false);
  });
});

describe('buildReviewRequest', () => {
  it('leaves an empty reviewer out so the API records ui_reviewer', () => {
    expect(
      buildReviewRequest({ action: 'approve', reviewer: '  ', comment: ' JIRA-123 approve by ops_lead ', acknowledgeWarnings: false, revision: draft }),
    ).toEqual({ action: 'approve', comment: 'JIRA-123 approve by ops_lead' });
  });

  it('sends the acknowledgement when warnings need it', () => {
    expect(
      buildReviewRequest({ action: 'approve', reviewer: 'E1234', comment: 'ok', acknowledgeWarnings: true, revision: { ...draft, warningCount: 1 } }),
    ).toEqual({ action: 'approve', reviewer: 'E1234', comment: 'ok', acknowledge_warnings: true });
  });
});
