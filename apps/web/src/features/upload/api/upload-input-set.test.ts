import { beforeAll, describe, expect, it } from 'vitest';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { ApiError, loadCatalogForError } from '../../../lib/api-client';
import { buildUploadForm, readUploadResponse } from './upload-input-set';

const report: TImportReport = {
  ok: true,
  label: 'weekly_refresh',
  revision: 4,
  ref: 'weekly_refresh@draft',
  status: 'draft',
  versionId: '2026-11-25',
  contentHash: 'sha256:abc',
  previousContentHash: null,
  stored: true,
  rowCounts: {
    demand: 10,
    capacity: 2,
    mix: 2,
    inventory: 0,
    inbound: 0,
    period_metrics: 0,
    calendar: 30,
    params: 3,
  },
  encodings: { 'demand.csv': 'utf-8' },
  problems: [],
  problemSummary: { errors: 0, warnings: 0, byCode: {}, truncated: false },
  durationMs: 12,
};

// uploadInputSet builds its errors once the catalog is in; so does this test.
beforeAll(() => loadCatalogForError());

describe('readUploadResponse', () => {
  it('reads a stored draft from 201', () => {
    expect(readUploadResponse(201, 'Created', report, '/x')).toEqual({ kind: 'stored', report });
  });

  it('reads validation records from a 422 problem', () => {
    const problem = {
      type: 'https://planning-hub.dev/problems/validation_failed',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The bundle has 1 error.',
      code: 'validation_failed',
      messageCode: 'error.upload.validation_failed',
      params: { count: 1 },
      errors: [
        {
          severity: 'error',
          code: 'wrong_type',
          table: 'demand',
          file: 'demand.csv',
          row: 3,
          column: 'quantity',
          value: '1,234',
          messageCode: 'problem.wrong_type.decimal_thousands',
          params: { text: '1,234', fixed: '1234' },
          message: "quantity '1,234' has thousands separators; write 1234 without commas.",
        },
      ],
    };
    const outcome = readUploadResponse(422, 'Unprocessable Content', problem, '/x');
    expect(outcome.kind).toBe('rejected');
    expect(outcome.kind === 'rejected' && outcome.problem.errors?.[0]?.value).toBe('1,234');
  });

  it('throws the problem of a 413 as an ApiError', () => {
    const problem = {
      type: 't',
      title: 'Content Too Large',
      status: 413,
      detail: 'Too big.',
      code: 'payload_too_large',
      messageCode: 'error.upload.too_large',
      params: { max: 10 },
    };
    expect(() => readUploadResponse(413, '', problem, '/x')).toThrow(ApiError);
    expect(() => readUploadResponse(413, '', problem, '/x')).toThrow('Too big.');
  });

  it('explains a 413 from a proxy that answers HTML', () => {
    expect(() => readUploadResponse(413, 'Request Entity Too Large', null, '/x')).toThrow('too large');
  });

  it('flags a 201 whose body breaks the contract', () => {
    expect(() => readUploadResponse(201, 'Created', { ok: true }, '/x')).toThrow(/expected shape/);
  });
});

describe('buildUploadForm', () => {
  it('repeats files and sends the fields by their API names', () => {
    const form = buildUploadForm({
      label: 'weekly_refresh',
      versionId: ' v1 ',
      note: '',
      encoding: 'shift_jis',
      allowInvalid: false,
      files: [new File(['a'], 'demand.csv'), new File(['b'], 'mix.csv')],
    });
    expect(form.get('version_id')).toBe('v1');
    expect(form.has('note')).toBe(false);
    expect(form.get('encoding')).toBe('shift_jis');
    expect(form.get('allow_invalid')).toBe('false');
    expect(form.getAll('files').map((f) => (f as File).name)).toEqual(['demand.csv', 'mix.csv']);
    expect(form.has('edits')).toBe(false);
  });

  it('sends the cells edited in the browser as JSON in `edits`', () => {
    const edits = [{ file: 'demand.csv', row: 2, column: 'quantity', before: '１２０', after: '120' }];
    const form = buildUploadForm({
      label: 'weekly_refresh',
      versionId: 'v1',
      note: '',
      encoding: 'auto',
      allowInvalid: false,
      files: [new File(['a'], 'demand.csv')],
      edits,
    });
    expect(JSON.parse(String(form.get('edits')))).toEqual(edits);
  });
});
