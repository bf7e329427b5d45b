import { ZReviewResponse, type TArchiveRequest } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { printJson, runWithApi } from '../cli-runtime';
import type { TArchiveOptions } from '../commands/archive';
import { formatTransition } from '../format-review';

export async function runArchive(options: TArchiveOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body: TArchiveRequest = { comment: options.comment };
    const result = await api.sendJson('POST', API.archive(options.label), body, ZReviewResponse);
    if (options.json) return printJson(result);
    console.log(formatTransition('archived', result));
  });
}
