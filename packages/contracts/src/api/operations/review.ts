import { ZArchiveRequest, ZReviewRequest, ZReviewResponse } from '../review';
import { defineOperations, problem } from './define-operation';

/** Approve, revert and archive (docs/design.md section 4). */
export const REVIEW_OPERATIONS = defineOperations({
  reviewRevision: {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/review',
    summary: 'Approve a draft (foo@draft) or revert the ready revision (foo) to draft',
    role: 'reviewer',
    body: { contentType: 'application/json', schema: ZReviewRequest },
    responses: {
      200: {
        description: 'The revision after the transition, and the events written',
        schema: ZReviewResponse,
      },
      403: problem('Below reviewer, or the four-eyes policy: the uploader cannot approve'),
      404: problem("Input set 'foo' not found."),
      409: problem(
        'Validation errors, check findings of severity error, unacknowledged warnings or findings, a draft already exists, or a concurrent change won',
      ),
    },
  },
  archiveRevision: {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/archive',
    summary: 'Archive any revision',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZArchiveRequest },
    responses: {
      200: { description: 'The archived revision and its archive event', schema: ZReviewResponse },
      404: problem("Input set 'foo' not found."),
      409: problem('Already archived, or a concurrent change won'),
    },
  },
});
