import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding } from '@planning-hub/core/encoding/detect-encoding';
import { encodeText } from '@planning-hub/planner-files/encode-text';
import { expandZipSources, fileSource } from '@planning-hub/server/services/input-sets/bundle-sources';
import { zipOf } from '@planning-hub/test-support/bad-zips';
import { spoolMultipart } from '../../src/http/multipart';

// The spool settles each file's encoding as it writes it (docs/design.md section 2): the
// verdict a later read of the spooled file reaches, without that read.
let dir: string;
let url: string;
let close: () => void;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'multipart-encoding-'));
  const app = express();
  let uploads = 0;
  app.post('/spool', async (req, res) => {
    const { files } = await spoolMultipart(req, {
      dir: path.join(dir, String(uploads++)),
      maxBytes: 1 << 26,
      maxFiles: 10,
    });
    const expanded = await expandZipSources(files, path.join(dir, `zip-${uploads}`), {
      maxBytes: 1 << 26,
      maxFiles: 10,
    });
    const verdicts = await Promise.all(
      expanded.map(async (file) => ({
        name: file.name,
        settled: file.settledEncoding,
        read: await detectEncoding(fileSource(file.name, file.path!, file.size), 'auto'),
        given: await detectEncoding(file, 'auto'),
      })),
    );
    res.json(verdicts);
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/spool`;
  close = () => server.close();
});

afterAll(async () => {
  close();
  await rm(dir, { recursive: true, force: true });
});

describe('spoolMultipart settles each file encoding', () => {
  it('UTF-8, UTF-8 with BOM, CP932 and an undecodable file, each large enough to arrive in many chunks', async () => {
    const lines = (text: string) => Array.from({ length: 40_000 }, (_, i) => `${text}-${i},1\n`).join('');
    const files = {
      'utf8.csv': Buffer.from(lines('部品')),
      'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines('ITEM'))]),
      'cp932.csv': Buffer.from(encodeText(lines('部品①ｱ'), 'shift_jis')),
      'broken.csv': Buffer.concat([Buffer.from(lines('ITEM')), Buffer.from([0xff, 0x0a])]),
    };
    const form = new FormData();
    for (const [name, bytes] of Object.entries(files)) form.append('files', new Blob([bytes]), name);
    const answer = (await (await fetch(url, { method: 'POST', body: form })).json()) as {
      name: string;
      settled: unknown;
      read: { isDecodable: boolean; encoding?: string };
      given: unknown;
    }[];
    expect(answer.map(({ name, settled }) => [name, settled])).toEqual([
      ['utf8.csv', { isUtf8: true, startsWithUtf8Bom: false, isShiftJis: false }],
      ['bom.csv', { isUtf8: true, startsWithUtf8Bom: true, isShiftJis: false }],
      ['cp932.csv', { isUtf8: false, startsWithUtf8Bom: false, isShiftJis: true }],
      ['broken.csv', { isUtf8: false, startsWithUtf8Bom: false, isShiftJis: false }],
    ]);
    expect(answer.map(({ read }) => read.encoding ?? null)).toEqual([
      'utf-8',
      'utf-8-bom',
      'shift_jis',
      null,
    ]);
    for (const { read, given } of answer) expect(given).toEqual(read);
  });

  it("a zip's entries, settled as they are inflated", async () => {
    const zip = await zipOf({
      'demand.csv': Buffer.from(encodeText('item_code\n部品①\nｱｲｳ\n'.repeat(20_000), 'shift_jis')),
      'mix.csv': '\ufeffa,b\n1,2\n',
    });
    const form = new FormData();
    form.append('files', new Blob([zip]), 'bundle.zip');
    const answer = (await (await fetch(url, { method: 'POST', body: form })).json()) as {
      name: string;
      settled: unknown;
      given: unknown;
      read: unknown;
    }[];
    expect(answer.map(({ name, given }) => [name, given])).toEqual([
      ['demand.csv', { isDecodable: true, encoding: 'shift_jis' }],
      ['mix.csv', { isDecodable: true, encoding: 'utf-8-bom' }],
    ]);
    for (const { settled, read, given } of answer) {
      expect(settled).toBeDefined();
      expect(given).toEqual(read);
    }
  });
});
