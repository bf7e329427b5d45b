import { describe, expect, it } from 'vitest';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import type { TProblem } from '@planning-hub/contracts/problems';
import { annotateBundle, formatRowNote, listAnnotatedFiles } from './annotate-bundle';
import { encodeText } from './encode-text';
import { unzipFiles, zipFiles } from './zip-files';

const utf8 = (text: string) => new TextEncoder().encode(text);

function problem(fields: Partial<TProblem> & Pick<TProblem, 'code' | 'messageCode'>): TProblem {
  return {
    severity: 'error',
    table: 'demand',
    file: 'demand.csv',
    row: null,
    column: null,
    value: null,
    params: {},
    message: 'English',
    ...fields,
  };
}

const quantityNotANumber = problem({
  code: 'wrong_type',
  row: 4,
  column: 'quantity',
  value: '１２',
  messageCode: 'problem.wrong_type.decimal_full_width',
  params: { text: '１２', fixed: '12' },
});

function reportOf(problems: TProblem[], encodings: Record<string, string>): TImportReport {
  return {
    ok: false,
    label: 'weekly_refresh',
    revision: null,
    ref: null,
    status: null,
    versionId: 'v1',
    contentHash: null,
    previousContentHash: null,
    stored: false,
    rowCounts: {} as TImportReport['rowCounts'],
    encodings,
    problems,
    problemSummary: { errors: problems.length, warnings: 0, byCode: {}, truncated: false },
    durationMs: 1,
  };
}

describe('annotateBundle', () => {
  const demand = encodeText(
    'item_code,location_code,period,quantity\r\nA,"Tokyo\r\nDC",2027-01,5\r\nB,T,2027-01,１２\r\n',
    'shift_jis',
  );
  const params = utf8('{"horizon_start": "2027-01"}');
  const paramsProblem = problem({
    code: 'param_missing',
    table: 'params',
    file: 'params.json',
    messageCode: 'problem.param_missing.horizon_periods',
    params: {},
  });

  it('annotates the CSV files of a zip in their encoding, keeps JSON files as they were and lists every problem', () => {
    const zip = zipFiles([
      { name: 'bundle/demand.csv', bytes: demand },
      { name: 'bundle/params.json', bytes: params },
    ]);
    const report = reportOf([quantityNotANumber, paramsProblem], { 'demand.csv': 'shift_jis' });
    const bundle = annotateBundle({ files: [{ name: 'bundle.zip', bytes: zip }], report, language: 'ja' });

    expect(bundle.annotated).toEqual(['demand.csv']);
    expect(bundle.files.map((file) => file.name)).toEqual(['demand.csv', 'params.json']);
    expect(bundle.files[1]!.bytes).toEqual(params);
    const annotated = new TextDecoder('shift_jis', { fatal: true }).decode(bundle.files[0]!.bytes);
    const note = formatRowNote([quantityNotANumber], 'ja');
    expect(note).toBe('quantity の値「１２」に全角文字があります。半角数字で書いてください(12)。');
    expect(annotated).toBe(
      `item_code,location_code,period,quantity,problems\r\nA,"Tokyo\r\nDC",2027-01,5,\r\nB,T,2027-01,１２,${note.includes(',') ? `"${note}"` : note}\r\n`,
    );

    // Excel shows line 4 (after a two-line cell) as row 3.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bundle.problemsCsv);
    expect(csv.startsWith('\uFEFFfile,row,column,severity,code,message\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(/^demand\.csv,3,quantity,error,wrong_type,/);
    expect(csv.split('\r\n')[2]).toMatch(/^params\.json,,,error,param_missing,.*horizon_periods/);
  });

  it('zips the files and problems.csv side by side, an earlier problems.csv replaced', () => {
    const report = reportOf([quantityNotANumber], { 'demand.csv': 'shift_jis' });
    const bundle = annotateBundle({
      files: [
        { name: 'demand.csv', bytes: demand },
        { name: 'problems.csv', bytes: utf8('old') },
      ],
      report,
      language: 'en',
    });
    const names = unzipFiles(zipFiles(listAnnotatedFiles(bundle))).map((file) => file.name);
    expect(names).toEqual(['demand.csv', 'problems.csv']);
    expect(new TextDecoder().decode(bundle.problemsCsv)).not.toContain('old');
  });

  it('leaves a file the server could not decode as it was: its problems are in problems.csv only', () => {
    const undecodable = problem({
      code: 'undecodable_bytes',
      row: 2,
      value: 'FF',
      messageCode: 'problem.undecodable_bytes',
      params: { tried: 'UTF-8', offset: 9, encoding: 'UTF-8' },
    });
    const bytes = Uint8Array.from([0x61, 0x0a, 0xff, 0x0a]);
    const bundle = annotateBundle({
      files: [{ name: 'demand.csv', bytes }],
      report: reportOf([undecodable], {}),
      language: 'en',
    });
    expect(bundle.files[0]!.bytes).toBe(bytes);
    expect(bundle.annotated).toEqual([]);
    expect(new TextDecoder().decode(bundle.problemsCsv)).toContain('demand.csv,2,,error,undecodable_bytes,');
  });

  it('says a row problem in the planner language, errors first, column first', () => {
    const warning = problem({
      severity: 'warning',
      code: 'orphan_item',
      row: 4,
      messageCode: 'problem.orphan_item',
      params: { item: 'B', what: 'inventory' },
    });
    const duplicate = problem({
      code: 'duplicate_key',
      row: 4,
      column: 'item_code',
      messageCode: 'problem.duplicate_key',
      params: { key: 'B', firstLine: 2 },
    });
    const note = formatRowNote([warning, duplicate, quantityNotANumber], 'en');
    expect(note).toBe(
      "item_code: This row repeats the key B of line 2; keep one row per key.; quantity '１２' uses full-width characters; write half-width digits (12).; Item 'B' has inventory but no demand row and no mix row.",
    );
  });
});
