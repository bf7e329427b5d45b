import { REVIEW_OPERATIONS } from '@planning-hub/contracts/api/operations/review';
import { ZReviewResponse, type TArchiveRequest } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { ZInputSetRef } from '@planning-hub/contracts/labels';
import { printJson, runWithApi } from '../cli-runtime';
import type { TArchiveOptions } from '../commands/archive';
import { formatTransition } from '../format-review';
import { parseOption, parseOptions } from '../options/parse-options';

export async function runArchive(options: TArchiveOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const ref = parseOption(ZInputSetRef, '--label', options.label);
    const body: TArchiveRequest = parseOptions(REVIEW_OPERATIONS.archiveRevision.body.schema, {
      comment: ['--comment', options.comment],
    });
    const result = await api.sendJson('POST', API.archive(ref), body, ZReviewResponse);
    if (options.json) return printJson(result);
    console.log(formatTransition('archived', result));
  });
}
