import { describe, expect, it } from 'vitest';
import { ZImportReport, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { annotateBundle, listAnnotatedFiles } from '@planning-hub/planner-files/annotate-bundle';
import { encodeText } from '@planning-hub/planner-files/encode-text';
import type { TPlannerFile } from '@planning-hub/planner-files/zip-files';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

/**
 * Fixing at the source (docs/design.md section 3): a refused bundle downloaded with its
 * problems written in, fixed in the planner's spreadsheet (the `problems` column left as
 * it is), and uploaded again as the same files, problems.csv included.
 */

/** As Excel in Japan saves it: CP932, CRLF, full-width digits and a negative quantity. */
const BROKEN_DEMAND = encodeText(
  'item_code,location_code,period,quantity,uom\r\n部品-001,東京,2027-01,１００,pcs\r\n部品-001,東京,2027-02,80,pcs\r\n0123,OSAKA,2027-02,-5,\r\n',
  'shift_jis',
);

let server: TTestServer;
let planner: TTokenCaller;

serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));

function bundleFiles(demand: Uint8Array): TPlannerFile[] {
  const others = Object.entries(VALID_BUNDLE).filter(([name]) => name !== 'demand.csv');
  return [
    { name: 'demand.csv', bytes: demand },
    ...others.map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) })),
  ];
}

async function upload(label: string, files: readonly TPlannerFile[]): Promise<Response> {
  const form = new FormData();
  form.append('version_id', 'annotated');
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return server.fetch(API.upload(label), { method: 'POST', headers: planner.headers, body: form });
}

describe('an annotated download, fixed and uploaded again', () => {
  let refused: TImportReport;
  let annotated: TPlannerFile[];

  it('is refused first, with a report naming the rows', async () => {
    const res = await upload('fixed_at_source', bundleFiles(BROKEN_DEMAND));
    expect(res.status).toBe(422);
    refused = ZProblemDetails.parse(await res.json()).report!;
    expect(refused.encodings['demand.csv']).toBe('shift_jis');
    expect(refused.problems.filter((p) => p.file === 'demand.csv').map((p) => [p.row, p.column])).toEqual([
      [2, 'quantity'],
      [4, 'quantity'],
    ]);
  });

  it('writes the problems into demand.csv, in CP932, every original byte kept', () => {
    annotated = listAnnotatedFiles(
      annotateBundle({ files: bundleFiles(BROKEN_DEMAND), report: refused, language: 'ja' }),
    );
    const demand = annotated.find((file) => file.name === 'demand.csv')!.bytes;
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(demand);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('item_code,location_code,period,quantity,uom,problems');
    expect(lines[1]).toMatch(/^部品-001,東京,2027-01,１００,pcs,quantity の値「１００」/);
    expect(lines[2]).toBe('部品-001,東京,2027-02,80,pcs,');
    expect(lines[3]).toMatch(/^0123,OSAKA,2027-02,-5,,./);
    // Without the added cells, the bytes are the dropped ones.
    const stripped = lines.map((line) => line.replace(/,(?:"(?:[^"]|"")*"|[^,]*)$/, '')).join('\r\n');
    expect(encodeText(stripped, 'shift_jis')).toEqual(BROKEN_DEMAND);
    expect(annotated.map((file) => file.name)).toContain('problems.csv');
  });

  it('is stored once the rows are fixed, the problems column and problems.csv read past with notices', async () => {
    const fixed = annotated.map((file) => {
      if (file.name !== 'demand.csv') return file;
      const text = new TextDecoder('shift_jis')
        .decode(file.bytes)
        .replace(',１００,', ',100,')
        .replace(',-5,', ',5,');
      return { name: file.name, bytes: encodeText(text, 'shift_jis') };
    });
    const res = await upload('fixed_at_source', fixed);
    expect(res.status).toBe(201);
    const report = ZImportReport.parse(await res.json());
    expect(report).toMatchObject({ ok: true, stored: true, status: 'draft' });
    expect(report.problemSummary).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.problems.map((p) => [p.severity, p.code, p.file, p.column])).toEqual(
      expect.arrayContaining([
        ['notice', 'annotation_ignored', 'problems.csv', null],
        ['notice', 'annotation_ignored', 'demand.csv', 'problems'],
      ]),
    );
    expect(report.problems.every((p) => p.severity === 'notice')).toBe(true);
    expect(report.rowCounts.demand).toBe(3);
    const detail = await (
      await server.fetch(API.inputSet('fixed_at_source@draft'), { headers: planner.headers })
    ).json();
    // Nothing to acknowledge: a notice is not a warning.
    expect(detail).toMatchObject({ warningCount: 0, errorCount: 0 });
  });
});
