import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZImportReport, type TBrowserEdit, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails, type TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '../../../config/paths';
import {
  buildRequestHeaders,
  contractMismatch,
  fallbackProblem,
  loadCatalogForError,
  parseJsonText,
  toApiError,
  ApiError,
} from '../../../lib/api-client';
import { queryKeyRoots } from '../../../lib/query-keys';
import type { TEncoding } from '../upload-fields';

export type TUploadRequest = {
  label: string;
  versionId: string;
  note: string;
  encoding: TEncoding;
  allowInvalid: boolean;
  files: readonly File[];
  /** Cells edited in the browser before this upload (the fix grid): the upload event keeps them. */
  edits?: readonly TBrowserEdit[];
};

/** 201: stored (as a draft); 422: refused with validation records, nothing stored. */
export type TUploadOutcome =
  { kind: 'stored'; report: TImportReport } | { kind: 'rejected'; problem: TProblemDetails };

type TUploadOptions = {
  /** Percent of the request body sent, 0-100. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
};

/** The multipart body the API reads with ZUploadFields: `files` repeated plus the fields. */
export function buildUploadForm(request: TUploadRequest): FormData {
  const form = new FormData();
  form.append('version_id', request.versionId.trim());
  const note = request.note.trim();
  if (note) form.append('note', note);
  form.append('encoding', request.encoding);
  form.append('allow_invalid', request.allowInvalid ? 'true' : 'false');
  if (request.edits?.length) form.append('edits', JSON.stringify(request.edits));
  for (const file of request.files) form.append('files', file, file.name);
  return form;
}

/** Interprets the answer to an upload; throws ApiError for anything but stored or refused. */
export function readUploadResponse(
  status: number,
  statusText: string,
  body: unknown,
  path: string,
): TUploadOutcome {
  if (status >= 200 && status < 300) {
    const report = ZImportReport.safeParse(body);
    if (!report.success) throw contractMismatch(path, status);
    return { kind: 'stored', report: report.data };
  }
  if (status === 422) {
    const problem = ZProblemDetails.safeParse(body);
    if (problem.success) return { kind: 'rejected', problem: problem.data };
  }
  throw toApiError(status, statusText, body);
}

/**
 * POST API.upload(label) with XMLHttpRequest rather than fetch: only XHR reports
 * upload progress in today's browsers.
 */
export function uploadInputSet(
  request: TUploadRequest,
  { onProgress, signal }: TUploadOptions = {},
): Promise<TUploadOutcome> {
  const path = API.upload(request.label);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(buildRequestHeaders('POST')))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.((event.loaded / event.total) * 100);
    };
    xhr.upload.onload = () => onProgress?.(100);
    // Errors are built once the message catalog is in (lib/message-catalog.ts), so they say their text.
    xhr.onload = () =>
      void loadCatalogForError().then(() => {
        try {
          resolve(readUploadResponse(xhr.status, xhr.statusText, parseJsonText(xhr.responseText), path));
        } catch (error) {
          reject(error instanceof ApiError ? error : contractMismatch(path, xhr.status));
        }
      });
    xhr.onerror = () => void loadCatalogForError().then(() => reject(new ApiError(fallbackProblem(0))));
    xhr.onabort = () => reject(new DOMException('Upload cancelled.', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('Upload cancelled.', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(buildUploadForm(request));
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The upload mutation, its progress (null before the first byte) and a cancel. */
export function useUploadInputSet() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const mutation = useMutation({
    mutationFn: (request: TUploadRequest) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      setProgress(0);
      return uploadInputSet(request, { onProgress: setProgress, signal: controller.signal });
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'stored') {
        void queryClient.invalidateQueries({ queryKey: queryKeyRoots.inputSets });
        // The label's History gains the upload event.
        void queryClient.invalidateQueries({ queryKey: queryKeyRoots.events });
      }
    },
    onSettled: () => {
      controllerRef.current = null;
    },
  });

  function cancel() {
    controllerRef.current?.abort();
  }

  return { ...mutation, progress, cancel };
}
