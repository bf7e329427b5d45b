import { describe, expect, it } from 'vitest';
import type { TRevisionActions } from '@planning-hub/contracts/api/input-sets';
import {
  buildReviewRequest,
  defaultAction,
  missingInput,
  needsAcknowledgement,
  type TReviewable,
} from './review-rules';

const HASH = 'a'.repeat(64);
const ALLOWED = { allowed: true, reason: null };

function actionsWith(warningsToAcknowledge: number): TRevisionActions {
  return {
    approve: ALLOWED,
    revert: { allowed: false, reason: 'revertNeedsReady' },
    archive: ALLOWED,
    warningsToAcknowledge,
  };
}

const draft: TReviewable = { status: 'draft', contentHash: HASH, actions: actionsWith(0) };
const withWarnings: TReviewable = { ...draft, actions: actionsWith(2) };
const ready: TReviewable = { status: 'ready', contentHash: HASH, actions: actionsWith(0) };

describe('review rules', () => {
  it('starts with the action that fits the status', () => {
    expect(defaultAction('draft')).toBe('approve');
    expect(defaultAction('ready')).toBe('revert');
  });

  it('asks to acknowledge warnings only when approving a revision the server says has them', () => {
    expect(needsAcknowledgement('approve', withWarnings)).toBe(true);
    expect(needsAcknowledgement('approve', draft)).toBe(false);
    expect(needsAcknowledgement('revert', { ...ready, actions: actionsWith(2) })).toBe(false);
  });

  it('names what is still missing: the comment first, then the acknowledgement', () => {
    expect(
      missingInput({ action: 'approve', comment: ' ', acknowledgeWarnings: false, revision: withWarnings }),
    ).toBe('comment');
    expect(
      missingInput({ action: 'approve', comment: 'ok', acknowledgeWarnings: false, revision: withWarnings }),
    ).toBe('acknowledgement');
    expect(
      missingInput({ action: 'approve', comment: 'ok', acknowledgeWarnings: true, revision: withWarnings }),
    ).toBeNull();
    expect(
      missingInput({ action: 'revert', comment: 'wrong week', acknowledgeWarnings: false, revision: ready }),
    ).toBeNull();
  });
});

describe('buildReviewRequest', () => {
  it('leaves an empty reviewer out so the API records ui_reviewer', () => {
    expect(
      buildReviewRequest({
        action: 'approve',
        reviewer: '  ',
        comment: ' JIRA-123 approve by ops_lead ',
        acknowledgeWarnings: false,
        revision: draft,
      }),
    ).toEqual({ action: 'approve', comment: 'JIRA-123 approve by ops_lead', expected_content_hash: HASH });
  });

  it('sends the acknowledgement when warnings need it', () => {
    expect(
      buildReviewRequest({
        action: 'approve',
        reviewer: 'E1234',
        comment: 'ok',
        acknowledgeWarnings: true,
        revision: withWarnings,
      }),
    ).toEqual({
      action: 'approve',
      reviewer: 'E1234',
      comment: 'ok',
      acknowledge_warnings: true,
      expected_content_hash: HASH,
    });
  });
});
