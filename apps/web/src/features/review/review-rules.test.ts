import { describe, expect, it } from 'vitest';
import { blockedReason, buildReviewRequest, defaultAction, missingInput, needsAcknowledgement } from './review-rules';

const HASH = 'a'.repeat(64);
const draft = { status: 'draft' as const, errorCount: 0, warningCount: 0, contentHash: HASH };
const ready = { ...draft, status: 'ready' as const };

describe('review rules', () => {
  it('approves only drafts without validation errors', () => {
    expect(blockedReason('approve', draft)).toBeNull();
    expect(blockedReason('approve', { ...draft, errorCount: 3 })).toBe('approveHasErrors');
    expect(blockedReason('approve', ready)).toBe('approveNeedsDraft');
  });

  it('reverts only ready sets, and only while the label has no draft', () => {
    expect(blockedReason('revert', ready, false)).toBeNull();
    expect(blockedReason('revert', ready, true)).toBe('revertHasDraft');
    expect(blockedReason('revert', draft)).toBe('revertNeedsReady');
    expect(blockedReason('revert', { ...draft, status: 'archived' })).toBe('revertNeedsReady');
  });

  it('lets the API decide while it is not yet known whether a draft exists', () => {
    expect(blockedReason('revert', ready, null)).toBeNull();
  });

  it('starts with the action that fits the status', () => {
    expect(defaultAction('draft')).toBe('approve');
    expect(defaultAction('ready')).toBe('revert');
  });

  it('asks to acknowledge warnings only when approving a revision that has them', () => {
    expect(needsAcknowledgement('approve', { ...draft, warningCount: 2 })).toBe(true);
    expect(needsAcknowledgement('approve', draft)).toBe(false);
    expect(needsAcknowledgement('revert', { ...ready, warningCount: 2 })).toBe(false);
  });

  it('names what is still missing: the comment first, then the acknowledgement', () => {
    const withWarnings = { ...draft, warningCount: 1 };
    expect(missingInput({ action: 'approve', comment: ' ', acknowledgeWarnings: false, revision: withWarnings })).toBe('comment');
    expect(missingInput({ action: 'approve', comment: 'ok', acknowledgeWarnings: false, revision: withWarnings })).toBe('acknowledgement');
    expect(missingInput({ action: 'approve', comment: 'ok', acknowledgeWarnings: true, revision: withWarnings })).toBeNull();
    expect(missingInput({ action: 'revert', comment: 'wrong week', acknowledgeWarnings: false, revision: { ...ready, warningCount: 1 } })).toBeNull();
  });
});

describe('buildReviewRequest', () => {
  it('leaves an empty reviewer out so the API records ui_reviewer', () => {
    expect(
      buildReviewRequest({ action: 'approve', reviewer: '  ', comment: ' JIRA-123 approve by ops_lead ', acknowledgeWarnings: false, revision: draft }),
    ).toEqual({ action: 'approve', comment: 'JIRA-123 approve by ops_lead', expected_content_hash: HASH });
  });

  it('sends the acknowledgement when warnings need it', () => {
    expect(
      buildReviewRequest({ action: 'approve', reviewer: 'E1234', comment: 'ok', acknowledgeWarnings: true, revision: { ...draft, warningCount: 1 } }),
    ).toEqual({ action: 'approve', reviewer: 'E1234', comment: 'ok', acknowledge_warnings: true, expected_content_hash: HASH });
  });
});
