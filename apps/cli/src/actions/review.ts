import { ZReviewResponse, type TReviewRequest } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { printJson, runWithApi } from '../cli-runtime';
import type { TReviewOptions } from '../commands/review';
import { formatTransition } from '../format-review';

export async function runReview(options: TReviewOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body: TReviewRequest = {
      action: options.action,
      reviewer: options.reviewer,
      comment: options.comment,
      acknowledge_warnings: options.action === 'approve' ? Boolean(options.acknowledgeWarnings) : undefined,
      expected_content_hash: options.expectedContentHash,
    };
    const result = await api.sendJson('POST', API.review(options.label), body, ZReviewResponse);
    if (options.json) return printJson(result);
    console.log(formatTransition(options.action === 'approve' ? 'approved' : 'reverted', result));
  });
}
