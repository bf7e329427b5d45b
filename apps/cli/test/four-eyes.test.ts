import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZReviewResponse } from '@planning-hub/contracts/api/review';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import type { TTestServer, TTokenCaller } from '../../api/test/support/test-server';
import { startServerWithOperator } from './support/operator-server';
import { cliWorkspace, LOCAL_PRINCIPAL, type TCliWorkspace } from './support/planning';
import { importArgs, reviewArgs } from './support/planning-args';

/**
 * FOUR_EYES=true holds across channels: who uploaded by CLI may not approve by REST,
 * another reviewer may, and the local operator (no login, no person) never approves.
 */
let server: TTestServer;
let operator: TCliWorkspace;
let close: () => Promise<void>;
let alice: TTokenCaller;
let bob: TTokenCaller;
let aliceCli: TCliWorkspace;

const approveByRest = (caller: TTokenCaller, ref: string) =>
  server.fetch(`/api/plans/input_sets/${encodeURIComponent(ref)}/review`, {
    method: 'POST',
    headers: { ...caller.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', comment: 'JIRA-5 approve', acknowledge_warnings: true }),
  });

beforeAll(async () => {
  ({ server, operator, close } = await startServerWithOperator({ FOUR_EYES: 'true' }));
  alice = await server.createUserWithToken('reviewer');
  bob = await server.createUserWithToken('reviewer');
  aliceCli = await cliWorkspace({
    env: { PLANNING_HUB_URL: server.baseUrl, PLANNING_HUB_TOKEN: alice.token },
  });
});
afterAll(async () => {
  await aliceCli?.cleanup();
  await close?.();
});

describe('four eyes across CLI and REST (FOUR_EYES=true)', () => {
  it('alice uploads by CLI and may not approve it by REST (403); bob may', async () => {
    const upload = await aliceCli.planning(...importArgs(await writeBundle(), 'v1', 'weekly_refresh'));
    expect(upload.stderr).toBe('');
    expect(upload.code).toBe(0);

    const refused = await approveByRest(alice, 'weekly_refresh@draft');
    expect(refused.status).toBe(403);
    expect(ZProblemDetails.parse(await refused.json()).detail).toContain(
      `Four-eyes policy: '${alice.username}' uploaded the current content`,
    );

    const approved = await approveByRest(bob, 'weekly_refresh@draft');
    expect(approved.status).toBe(200);
    expect(ZReviewResponse.parse(await approved.json())).toMatchObject({
      status: 'ready',
      approvedBy: bob.username,
    });
  });

  it('alice may not approve her own upload by CLI either (exit 1, the policy named)', async () => {
    await aliceCli.planning(...importArgs(await writeBundle(), 'v2', 'weekly_refresh'));
    const run = await aliceCli.planning(
      ...reviewArgs('weekly_refresh@draft', 'approve', { comment: 'mine' }, '--acknowledge-warnings'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Four-eyes policy: '${alice.username}' uploaded the current content`);
  });

  it('the local operator cannot approve at all, not even what someone else uploaded', async () => {
    const run = await operator.planning(
      ...reviewArgs('weekly_refresh@draft', 'approve', { comment: 'ops' }, '--acknowledge-warnings'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Four-eyes policy: the local operator '${LOCAL_PRINCIPAL}' cannot approve`);
    // What the local operator uploads, bob approves.
    await operator.planning(...importArgs(await writeBundle(), 'v3', 'ops_upload'));
    expect((await approveByRest(bob, 'ops_upload@draft')).status).toBe(200);
  });
});
