import {
  ZImportReport,
  ZInputSetDetail,
  ZListInputSetsQuery,
  ZListInputSetsResponse,
  ZTableRowsQuery,
  ZTableRowsResponse,
  ZUploadFields,
  ZUploadQuery,
} from '../input-sets';
import { defineOperations, problem } from './define-operation';

export const INPUT_SET_OPERATIONS = defineOperations({
  listInputSets: {
    method: 'get',
    path: '/api/plans/input_sets',
    summary:
      'List input set revisions, a page at a time (`limit`, default 50; `offset`: the `nextOffset` of the previous page)',
    role: 'viewer',
    query: ZListInputSetsQuery,
    responses: { 200: { description: 'Revisions, newest first', schema: ZListInputSetsResponse } },
  },
  uploadBundle: {
    method: 'post',
    path: '/api/plans/input_sets/{label}/upload',
    summary:
      'Upload a bundle as the draft of a label (multipart: files, version_id, note, encoding, allow_invalid, edits); with dry_run=true, validate it only',
    role: 'planner',
    query: ZUploadQuery,
    body: { contentType: 'multipart/form-data', schema: ZUploadFields },
    responses: {
      200: {
        description:
          'dry_run=true: the import report; nothing stored, no event (same limits and slot as an upload)',
        schema: ZImportReport,
      },
      201: { description: 'Stored as draft', schema: ZImportReport },
      400: problem('A bad label or field, such as edits that are not JSON or past their bounds'),
      413: problem('Too large or too many files'),
      422: problem('Validation errors; the records are in `errors`'),
    },
  },
  getInputSet: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}',
    summary: 'One revision: metadata, row counts, problems',
    role: 'viewer',
    responses: {
      200: { description: 'Revision', schema: ZInputSetDetail },
      404: problem("Input set 'foo' not found."),
    },
  },
  getTableRows: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/tables/{table}',
    summary: 'Rows of one table, paged, in natural key order',
    role: 'viewer',
    query: ZTableRowsQuery,
    responses: { 200: { description: 'Rows', schema: ZTableRowsResponse }, 404: problem('Not found') },
  },
  exportBundle: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/export',
    summary: 'The bundle as a zip of CSV files and params.json',
    role: 'viewer',
    responses: { 200: { description: 'Zip', contentType: 'application/zip' }, 404: problem('Not found') },
  },
});
