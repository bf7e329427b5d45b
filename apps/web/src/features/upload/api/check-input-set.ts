import { useMutation } from '@tanstack/react-query';
import { ZImportReport, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import {
  ApiError,
  buildRequestHeaders,
  buildUrl,
  contractMismatch,
  fallbackProblem,
  loadCatalogForError,
  parseJsonText,
  toApiError,
} from '../../../lib/api-client';
import { buildUploadForm, type TUploadRequest } from './upload-input-set';

export type TCheckRequest = Pick<TUploadRequest, 'label' | 'versionId' | 'encoding' | 'files'>;

/**
 * POST API.upload(label)?dry_run=true: the server validates the files as an upload would
 * and stores nothing; 200 with the report, errors or not.
 */
export async function checkInputSet(request: TCheckRequest, signal?: AbortSignal): Promise<TImportReport> {
  const path = buildUrl(API.upload(request.label), { dry_run: true });
  const body = buildUploadForm({ ...request, note: '', allowInvalid: false });
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: buildRequestHeaders('POST'),
      body,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    await loadCatalogForError();
    throw new ApiError(fallbackProblem(0));
  }
  const data = parseJsonText(await response.text());
  if (!response.ok) {
    await loadCatalogForError();
    throw toApiError(response.status, response.statusText, data);
  }
  const report = ZImportReport.safeParse(data);
  if (!report.success) {
    await loadCatalogForError();
    throw contractMismatch(path, response.status);
  }
  return report.data;
}

/** "Check again" of the fix grid. */
export function useCheckInputSet() {
  return useMutation({ mutationFn: (request: TCheckRequest) => checkInputSet(request) });
}
