import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

let server: TTestServer;
let alice: TTokenCaller;
let bob: TTokenCaller;

beforeAll(async () => {
  server = await startTestServer({ env: { FOUR_EYES: 'true' } });
  alice = await server.createUserWithToken('reviewer');
  bob = await server.createUserWithToken('reviewer');
});
afterAll(() => server?.close());

const upload = (caller: TTokenCaller, versionId: string) =>
  server.fetch(API.upload('four_eyes'), {
    method: 'POST',
    headers: caller.headers,
    body: bundleFormData({ version_id: versionId }),
  });

const approve = (caller: TTokenCaller) =>
  server.fetch(API.review('four_eyes@draft'), {
    method: 'POST',
    headers: { ...caller.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', comment: 'JIRA-1' }),
  });

describe('four-eyes policy (FOUR_EYES=true)', () => {
  it('forbids the uploader of the current content to approve it (403)', async () => {
    expect(ZImportReport.parse(await (await upload(alice, 'A')).json()).stored).toBe(true);
    const res = await approve(alice);
    expect(res.status).toBe(403);
    const problem = ZProblemDetails.parse(await res.json());
    expect(problem.detail).toBe(
      `Four-eyes policy: '${alice.username}' uploaded the current content of 'four_eyes@draft' and cannot also approve it.`,
    );
  });

  it('looks at the latest upload: after bob overwrites the draft, bob may not approve but alice may', async () => {
    expect((await upload(bob, 'B')).status).toBe(201);
    expect((await approve(bob)).status).toBe(403);
    const res = await approve(alice);
    expect(res.status).toBe(200);
    const { rows } = await server.runtime.db.pool.query(
      "SELECT principal, metadata FROM planning_input_set_events WHERE label = 'four_eyes' AND action = 'approve'",
    );
    expect(rows).toEqual([
      { principal: alice.username, metadata: expect.objectContaining({ four_eyes: true }) },
    ]);
  });
});
