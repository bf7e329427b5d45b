import { readFileSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { TABLE_NAMES, TABLE_SPECS } from '@planning-hub/contracts/tables';
import { VALID_BUNDLE, bundleFormData } from '@planning-hub/test-support/bundle-files';
import {
  withCorruptData,
  withLyingSizes,
  zipAbsolutePath,
  zipBomb,
  zipOf,
  zipSlip,
} from '@planning-hub/test-support/bad-zips';
import { requestAsWritten, type TRawAnswer } from '../support/request-as-written';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * The bad-input corpus (apps/api/test/fixtures/bad/cases.json), uploaded over REST
 * one case at a time. Every case must get a clear answer (never a 500), leave the
 * server ready and, unless the bundle is in fact fine, change nothing at all.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/bad');
const UPLOAD_MAX_BYTES = 64 * 2 ** 20;

const ZExpectedError = z.object({
  code: z.string(),
  file: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable().optional(),
  value: z.string().optional(),
  message: z.string().optional(),
});
const ZCase = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  about: z.string(),
  files: z.array(z.string()).optional(),
  alone: z.boolean().optional(),
  generated: z.string().optional(),
  label: z.string().optional(),
  status: z.number().int(),
  code: z.string().optional(),
  detail: z.string().optional(),
  errorCodes: z.array(z.string()).optional(),
  errors: z.array(ZExpectedError).optional(),
  stored: z
    .object({
      encodings: z.record(z.string(), z.string()).optional(),
      rowCounts: z.record(z.string(), z.number()).optional(),
      sameContentAsValidBundle: z.boolean().optional(),
    })
    .optional(),
});
type TCase = z.infer<typeof ZCase>;

const { cases } = z
  .object({ cases: z.array(ZCase) })
  .parse(JSON.parse(readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')));

type TRequestBody = { body: FormData | string | Buffer; headers?: Record<string, string> };
type TPart = { name: string; fileName?: string; content: string | Buffer };

const form = (fields: Record<string, string>, files: Record<string, string | Buffer>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, content] of Object.entries(files)) data.append('files', new Blob([content]), name);
  return data;
};

/** A multipart body written by hand: raw file names, binary parts, or cut off (`cutBytes` from the end). */
function rawMultipart(parts: TPart[], { cutBytes = 0 } = {}): TRequestBody {
  const boundary = 'reliability-boundary-7d3f';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const fileName = part.fileName === undefined ? '' : `; filename="${part.fileName}"`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${fileName}\r\n\r\n`),
    );
    chunks.push(
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return {
    body: body.subarray(0, body.length - cutBytes),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The valid bundle as multipart parts, `overrides` replacing files. */
const bundleParts = (versionId: string, overrides: Record<string, string | Buffer> = {}): TPart[] => [
  { name: 'version_id', content: versionId },
  ...Object.entries({ ...VALID_BUNDLE, ...overrides }).map(([fileName, content]) => ({
    name: 'files',
    fileName,
    content,
  })),
];

const withZip = async (zip: Buffer | Promise<Buffer>): Promise<TRequestBody> => ({
  body: form({ version_id: 'bad-zip' }, { 'bundle.zip': await zip }),
});

const extraFiles = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`note-${i}.txt`, 'x']));

/** Bodies built at test time: too big, binary or malformed on purpose. */
const GENERATED: Record<string, () => Promise<TRequestBody>> = {
  'cell-50mb': async () =>
    rawMultipart(
      bundleParts('big-cell', {
        'demand.csv': Buffer.concat([
          Buffer.from('item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,1,pcs\n'),
          Buffer.alloc(50 * 2 ** 20, 'x'),
          Buffer.from(',東京,2027-02,1,pcs\n'),
        ]),
      }),
    ),
  'path-in-file-name': async () =>
    rawMultipart([
      ...bundleParts('path-in-name').filter((part) => part.fileName !== 'demand.csv'),
      {
        name: 'files',
        fileName: '../../demand.csv',
        content: 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,lots,pcs\n',
      },
    ]),
  'zip-slip': () => withZip(zipSlip(VALID_BUNDLE)),
  'zip-absolute-path': () => withZip(zipAbsolutePath(VALID_BUNDLE)),
  'zip-bomb': () => withZip(zipBomb(80 * 2 ** 20)),
  'zip-lying-sizes': async () => withZip(withLyingSizes(await zipOf(VALID_BUNDLE), 10)),
  'zip-corrupt-data': async () => withZip(withCorruptData(await zipOf(VALID_BUNDLE))),
  'zip-not-a-zip': () => withZip(Buffer.from('PK\u0003\u0004 this is not a zip file')),
  'zip-too-many-files': () => withZip(zipOf({ ...VALID_BUNDLE, ...extraFiles(13) })),
  'too-many-files': async () => ({
    body: form({ version_id: 'many' }, { ...VALID_BUNDLE, ...extraFiles(13) }),
  }),
  'not-multipart': async () => ({
    body: JSON.stringify({ version_id: 'json', files: VALID_BUNDLE }),
    headers: { 'content-type': 'application/json' },
  }),
  'no-files': async () => ({ body: form({ version_id: 'empty' }, {}) }),
  'missing-version-id': async () => ({ body: bundleFormData({}) }),
  'unknown-encoding': async () => ({ body: bundleFormData({ version_id: 'enc', encoding: 'utf-16' }) }),
  'truncated-multipart': async () =>
    rawMultipart(
      [
        { name: 'version_id', content: 'cut' },
        { name: 'files', fileName: 'demand.csv', content: VALID_BUNDLE['demand.csv']! },
      ],
      {
        cutBytes: 60,
      },
    ),
};

function requestBodyOf(testCase: TCase): Promise<TRequestBody> {
  if (testCase.generated) {
    const build = GENERATED[testCase.generated];
    if (!build) throw new Error(`cases.json names an unknown generated case '${testCase.generated}'`);
    return build();
  }
  const own = Object.fromEntries(
    (testCase.files ?? []).map(
      (name) => [name, readFileSync(path.join(FIXTURES, testCase.name, name))] as const,
    ),
  );
  const files = testCase.alone ? own : { ...VALID_BUNDLE, ...own };
  return Promise.resolve({ body: form({ version_id: `corpus-${testCase.name}` }, files) });
}

let server: TTestServer;
let planner: TTokenCaller;
let validContentHash: string;

/** Everything an upload could change: revisions, rows of every table, events. */
async function snapshotState(): Promise<Record<string, unknown>> {
  const tables = TABLE_NAMES.map((t) => `(SELECT count(*)::int FROM ${TABLE_SPECS[t].dbTable}) AS ${t}`).join(
    ', ',
  );
  const { rows } = await server.runtime.db.pool.query(
    `SELECT ${tables},
            (SELECT count(*)::int FROM planning_input_sets) AS revisions,
            (SELECT md5(string_agg(concat_ws(':', id, label, revision, status, version_id, content_hash, updated_at), ',' ORDER BY id))
               FROM planning_input_sets) AS revisions_digest,
            (SELECT count(*)::int FROM planning_input_set_events) AS events,
            (SELECT max(id)::text FROM planning_input_set_events) AS last_event`,
  );
  return rows[0] as Record<string, unknown>;
}

/** POSTs the body as written to the path as written (requestAsWritten), as the planner. */
async function postAsWritten(urlPath: string, { body, headers = {} }: TRequestBody): Promise<TRawAnswer> {
  // FormData and strings are serialised as fetch would; raw bodies go as they are.
  const request = Buffer.isBuffer(body)
    ? null
    : new Request(server.baseUrl, { method: 'POST', body, headers });
  const bytes = request ? Buffer.from(await request.arrayBuffer()) : (body as Buffer);
  const contentType = request ? (request.headers.get('content-type') ?? '') : (headers['content-type'] ?? '');
  return requestAsWritten(server.baseUrl, {
    method: 'POST',
    path: urlPath,
    headers: { ...planner.headers, 'content-type': contentType },
    body: bytes,
  });
}

async function uploadFolderEntries(): Promise<string[]> {
  return readdir(path.join(server.workDir, 'tmp', 'uploads')).catch(() => []);
}

beforeAll(async () => {
  server = await startTestServer({
    env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), UPLOAD_MAX_FILES: '20' },
  });
  planner = await server.createUserWithToken('planner');
  // The label every refused case aims at holds a draft, which must come through untouched.
  const seeded = await server.fetch(API.upload('corpus'), {
    method: 'POST',
    headers: planner.headers,
    body: bundleFormData({ version_id: 'seed' }),
  });
  expect(seeded.status).toBe(201);
  validContentHash = ZImportReport.parse(await seeded.json()).contentHash!;
});
afterAll(() => server?.close());

describe('the bad-input corpus (apps/api/test/fixtures/bad)', () => {
  it('has a folder for every case with files and a case for every folder', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const withFiles = cases.filter((c) => c.files).map((c) => c.name);
    expect(folders.sort()).toEqual(withFiles.sort());
    for (const c of cases)
      expect(Boolean(c.files) !== Boolean(c.generated) || c.label !== undefined, c.name).toBe(true);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.about}`, async () => {
      const label = testCase.label ?? 'corpus';
      const before = await snapshotState();
      // The label goes into the URL as written: encoding it here would hide what a client can send.
      const res = await postAsWritten(`/api/plans/input_sets/${label}/upload`, await requestBodyOf(testCase));
      const { text } = res;
      expect(res.status, text.slice(0, 500)).toBe(testCase.status);
      // Undecodable bytes are reported, never turned into U+FFFD.
      expect(text).not.toContain('\uFFFD');

      if (testCase.status >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        const problem = ZProblemDetails.parse(JSON.parse(text));
        expect(problem).toMatchObject({ status: testCase.status, code: testCase.code });
        if (testCase.detail) expect(problem.detail).toContain(testCase.detail);
        const errors = (problem.errors ?? []).filter((e) => e.severity === 'error');
        if (testCase.errorCodes)
          expect([...new Set(errors.map((e) => e.code))].sort()).toEqual([...testCase.errorCodes].sort());
        for (const expected of testCase.errors ?? []) {
          const { message, ...fields } = expected;
          expect(errors, JSON.stringify(expected)).toContainEqual(
            expect.objectContaining({
              ...fields,
              ...(message ? { message: expect.stringContaining(message) } : {}),
            }),
          );
        }
        expect(await snapshotState()).toEqual(before);
      } else {
        const report = ZImportReport.parse(JSON.parse(text));
        expect(report).toMatchObject({ stored: true, ok: true, label, status: 'draft' });
        if (testCase.stored?.encodings) expect(report.encodings).toMatchObject(testCase.stored.encodings);
        if (testCase.stored?.rowCounts) expect(report.rowCounts).toMatchObject(testCase.stored.rowCounts);
        if (testCase.stored?.sameContentAsValidBundle) expect(report.contentHash).toBe(validContentHash);
        const after = await snapshotState();
        expect(after.events).toBe((before.events as number) + 1);
        expect(after.revisions).toBe((before.revisions as number) + 1);
      }

      expect((await server.fetch(API.readyz)).status).toBe(200);
      // Nothing of the upload is left behind (a stored upload answers before its folder is removed).
      await expect.poll(uploadFolderEntries).toEqual([]);
    });
  }

  it('keeps the draft the refused uploads aimed at exactly as it was', async () => {
    const res = await server.fetch(API.inputSet('corpus@draft'), { headers: planner.headers });
    expect(await res.json()).toMatchObject({ versionId: 'seed', contentHash: validContentHash, revision: 1 });
    const { rows } = await server.runtime.db.pool.query(
      "SELECT count(*)::int AS n FROM planning_input_set_events WHERE label = 'corpus'",
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('an upload cut off by the client', () => {
  it('leaves no files behind and the server keeps answering', async () => {
    const { body, headers } = rawMultipart(
      bundleParts('hang-up', { 'demand.csv': Buffer.alloc(4 * 2 ** 20, 'x') }),
    );
    const sent = (body as Buffer).subarray(0, 2 * 2 ** 20);
    await new Promise<void>((resolve) => {
      const req = http.request(`${server.baseUrl}/api/plans/input_sets/corpus/upload`, {
        method: 'POST',
        headers: { ...planner.headers, ...headers, 'content-length': (body as Buffer).length },
      });
      req.on('error', () => resolve());
      req.write(sent, () => setTimeout(() => req.destroy(), 200));
    });
    await expect.poll(uploadFolderEntries, { timeout: 5000 }).toEqual([]);
    expect((await server.fetch(API.readyz)).status).toBe(200);
  });
});
