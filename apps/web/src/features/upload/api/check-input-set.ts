import { useMutation } from '@tanstack/react-query';
import { ZImportReport, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { buildUploadForm, type TUploadRequest } from './upload-input-set';

export type TCheckRequest = Pick<TUploadRequest, 'label' | 'versionId' | 'encoding' | 'files'>;

/**
 * POST API.upload(label)?dry_run=true: the server validates the files as an upload would
 * and stores nothing; 200 with the report, errors or not.
 */
export function checkInputSet(request: TCheckRequest, signal?: AbortSignal): Promise<TImportReport> {
  return apiRequest(API.upload(request.label), {
    method: 'POST',
    query: { dry_run: true },
    form: buildUploadForm({ ...request, note: '', allowInvalid: false }),
    schema: ZImportReport,
    signal,
  });
}

/** "Check again" of the fix grid. */
export function useCheckInputSet() {
  return useMutation({ mutationFn: (request: TCheckRequest) => checkInputSet(request) });
}
