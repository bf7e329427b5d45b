import { REVIEW_OPERATIONS } from '@planning-hub/contracts/api/operations/review';
import { ZReviewResponse, type TReviewRequest } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { ZInputSetRef } from '@planning-hub/contracts/labels';
import { printJson, runWithApi } from '../cli-runtime';
import type { TReviewOptions } from '../commands/review';
import { formatTransition } from '../format-review';
import { parseOption, parseOptions } from '../options/parse-options';

export async function runReview(options: TReviewOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const ref = parseOption(ZInputSetRef, '--label', options.label);
    const body: TReviewRequest = parseOptions(REVIEW_OPERATIONS.reviewRevision.body.schema, {
      action: ['--action', options.action],
      reviewer: ['--reviewer', options.reviewer],
      comment: ['--comment', options.comment],
      acknowledge_warnings: [
        '--acknowledge-warnings',
        options.action === 'approve' ? Boolean(options.acknowledgeWarnings) : undefined,
      ],
      expected_content_hash: ['--expected-content-hash', options.expectedContentHash],
    });
    const result = await api.sendJson('POST', API.review(ref), body, ZReviewResponse);
    if (options.json) return printJson(result);
    console.log(formatTransition(options.action === 'approve' ? 'approved' : 'reverted', result));
  });
}
