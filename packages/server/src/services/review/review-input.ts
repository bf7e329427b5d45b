import { z } from 'zod';
import { ZReviewerId } from '@planning-hub/contracts/api/review';
import { PROBLEM_CODES } from '@planning-hub/contracts/problems';
import { AppError } from '../../errors/app-error';
import type { InputSet } from '../../generated/prisma/client';
import { defaultReviewerId, type TActor } from '../auth/actor';
import { refOf } from '../../data/input-set-revisions';

const ZComment = z.string().trim().min(1).max(2000);

/**
 * The runbook's Reviewer ID, recorded beside the signed-in user: what the form or
 * --reviewer says, else the user's employee id, else `ui_reviewer`.
 */
export function parseReviewer(reviewer: string | undefined, actor: TActor): string {
  const parsed = ZReviewerId.safeParse(reviewer ?? '');
  if (!parsed.success) {
    throw new AppError('bad_request', 'error.review.reviewer_invalid', {
      reviewer: String(reviewer).slice(0, 40),
      detail: String(parsed.error.issues[0]?.message),
    });
  }
  return parsed.data || defaultReviewerId(actor);
}

/** The refusals of a comment, by what it is: the comment of an approval, the reason of a revert. */
const COMMENT_REFUSALS = {
  comment: { required: 'error.review.comment_required', tooLong: 'error.review.comment_too_long' },
  reason: { required: 'error.review.reason_required', tooLong: 'error.review.reason_too_long' },
} as const;

/** `what` names the comment in the message: a comment, or a reason (comment). */
export function parseComment(comment: string | undefined, what: keyof typeof COMMENT_REFUSALS): string {
  const parsed = ZComment.safeParse(comment ?? '');
  if (!parsed.success) {
    const isMissing = (comment ?? '').trim() === '';
    throw new AppError('bad_request', COMMENT_REFUSALS[what][isMissing ? 'required' : 'tooLong'], {});
  }
  return parsed.data;
}

/** 409 when the reviewer looked at other content than the revision now holds (a draft overwritten meanwhile). */
export function assertContentUnchanged(revision: InputSet, expectedContentHash: string | undefined): void {
  if (expectedContentHash === undefined || expectedContentHash === revision.contentHash) return;
  throw new AppError('conflict', 'error.review.content_changed', {
    ref: refOf(revision),
    now: revision.contentHash.slice(0, 12),
    reviewed: expectedContentHash.slice(0, 12),
  });
}

/** Warning counts per code, from the import's summary (which counts beyond the per-code cap). */
export function warningCountsByCode(revision: InputSet): Record<string, number> {
  const summary = (revision.source as { summary?: { byCode?: Record<string, number> } } | null)?.summary;
  const byCode = summary?.byCode ?? {};
  return Object.fromEntries(
    Object.entries(byCode).filter(
      ([code]) => PROBLEM_CODES[code as keyof typeof PROBLEM_CODES] === 'warning',
    ),
  );
}
