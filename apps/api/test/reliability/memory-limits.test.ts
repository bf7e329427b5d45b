import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZImportReport } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { VALID_BUNDLE, bundleFormData } from '@planning-hub/test-support/bundle-files';
import { zipOf } from '@planning-hub/test-support/bad-zips';
import { startApiProcessWithPlanner } from '../support/api-process-with-planner';

/**
 * One upload must not take the process down: the API runs here as `npm start` runs it,
 * with the heap limit recommended for production lowered to 512 MiB, and gets files
 * that used to be read whole into memory: a 200 MiB params.csv, and input_set.json
 * files that JSON.parse turned into 20 to 30 times their size. Each gets a clear 422,
 * and the process goes on serving.
 */

const HEAP_MIB = 512;
const MIB = 2 ** 20;

let child: ChildProcess | undefined;
let baseUrl: string;
let token: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ child, baseUrl, token, close } = await startApiProcessWithPlanner('memory', {
    NODE_OPTIONS: `--max-old-space-size=${HEAP_MIB}`,
  }));
}, 120_000);
afterAll(() => close?.());

/** Uploads `files` zipped as bundle.zip (so that hundreds of MiB travel as a few). */
async function uploadZip(label: string, files: Record<string, Buffer | string>): Promise<Response> {
  const form = new FormData();
  form.append('version_id', 'memory');
  form.append('files', new Blob([await zipOf(files)]), 'bundle.zip');
  return fetch(`${baseUrl}${API.upload(label)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

async function expectRefused(res: Response, message: RegExp) {
  expect(res.status).toBe(422);
  const report = ZImportReport.parse(((await res.json()) as { report: unknown }).report);
  expect(report.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
}

async function expectStillServing() {
  expect(child?.exitCode).toBeNull();
  expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
}

const { 'params.json': _paramsJson, ...CSV_FILES } = VALID_BUNDLE;

describe(`an API process with a ${HEAP_MIB} MiB heap`, () => {
  it('answers 422 for a zipped 200 MiB params.csv, and goes on serving', async () => {
    const paramsCsv = Buffer.concat([Buffer.from('key,value\n'), Buffer.alloc(200 * MIB, 'k,1\n')]);
    await expectRefused(
      await uploadZip('params-csv', { ...CSV_FILES, 'params.csv': paramsCsv }),
      /params\.csv is larger than 1 MiB/,
    );
    await expectStillServing();
  }, 120_000);

  it('answers 422 for a 200 MiB input_set.json nested 200 million levels deep', async () => {
    const nested = Buffer.concat([Buffer.from('{"tables": {"demand": ['), Buffer.alloc(200 * MIB, '[')]);
    await expectRefused(await uploadZip('json-nested', { 'input_set.json': nested }), /nested deeper than/);
    await expectStillServing();
  }, 120_000);

  it('answers 422 for a 200 MiB input_set.json whose one row is a 200 MiB string', async () => {
    const huge = Buffer.concat([
      Buffer.from('{"tables": {"demand": [{"item_code": "'),
      Buffer.alloc(200 * MIB, 'x'),
      Buffer.from('"}]}}'),
    ]);
    await expectRefused(
      await uploadZip('json-string', { 'input_set.json': huge }),
      /larger than 1000000 bytes/,
    );
    await expectStillServing();
  }, 120_000);

  it('answers 422 for a 24 MiB input_set.json of 8 million empty rows (JSON.parse would need over 500 MiB)', async () => {
    const rows = 8 * 2 ** 20;
    const empty = Buffer.concat([
      Buffer.from('{"tables": {"demand": ['),
      Buffer.alloc(rows * 3 - 1, '{},'),
      Buffer.from(']}, "params": {}}'),
    ]);
    await expectRefused(await uploadZip('json-rows', { 'input_set.json': empty }), /missing/);
    await expectStillServing();
  }, 180_000);

  it('still takes an ordinary upload', async () => {
    const res = await fetch(`${baseUrl}${API.upload('ordinary')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: bundleFormData({ version_id: 'ordinary' }),
    });
    expect(res.status).toBe(201);
  });
});
