import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API } from '@planning-hub/contracts/api/routes';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let planner: TTokenCaller;
let reviewer: TTokenCaller;

serverWithUsersForFile(['planner', 'reviewer'], (started) => ([server, planner, reviewer] = started));

async function download(ref: string): Promise<Buffer> {
  const res = await server.fetch(`${API.inputSet(ref)}/export`, { headers: planner.headers });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const exportsDir = () => path.join(server.runtime.config.artifactDir, 'exports');
const cachedZips = async () =>
  (await readdir(exportsDir()).catch(() => [] as string[])).filter((name) => name.endsWith('.zip'));

describe('GET /api/plans/input_sets/{ref}/export (docs/design.md section 2)', () => {
  it('reads a draft live, and serves an approved revision from the file its first download left', async () => {
    const uploaded = await server.fetch(API.upload('export_cache'), {
      method: 'POST',
      headers: planner.headers,
      body: bundleFormData({ version_id: '2027-01-A' }),
    });
    expect(uploaded.status).toBe(201);
    await download('export_cache@draft');
    expect(await cachedZips()).toEqual([]);

    const approved = await server.fetch(API.review('export_cache@draft'), {
      method: 'POST',
      headers: { ...reviewer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve', comment: 'JIRA-1' }),
    });
    expect(approved.status).toBe(200);

    const first = await download('export_cache');
    expect(await cachedZips()).toHaveLength(1);
    const second = await download('export_cache');
    expect(second.equals(first)).toBe(true);
  });
});
