import { describe, expect, it } from 'vitest';
import { ZInputSetDetail, type TRevisionActions } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { ERROR_OVERRIDES, WARNING_OVERRIDES, importDraft } from '@planning-hub/test-support/seed-revisions';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let reviewer: TTokenCaller;

serverWithUsersForFile(['reviewer'], (started) => ([server, reviewer] = started));

async function actionsOf(ref: string): Promise<TRevisionActions> {
  const res = await server.fetch(API.inputSet(ref), { headers: reviewer.headers });
  expect(res.status).toBe(200);
  return ZInputSetDetail.parse(await res.json()).actions;
}

async function approve(ref: string) {
  const res = await server.fetch(API.review(ref), {
    method: 'POST',
    headers: { ...reviewer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', comment: 'JIRA-1 ok', acknowledge_warnings: true }),
  });
  expect(res.status).toBe(200);
}

const ALLOWED = { allowed: true, reason: null };

/** The detail says what the revision's state allows, so that no client keeps a copy of the rules (docs/design.md section 4). */
describe('GET /api/plans/input_sets/{ref}: actions', () => {
  it('a clean draft may be approved and archived, not reverted', async () => {
    await importDraft(server.runtime.db.pool, 'actions_clean');
    expect(await actionsOf('actions_clean@draft')).toEqual({
      approve: ALLOWED,
      revert: { allowed: false, reason: 'revertNeedsReady' },
      archive: ALLOWED,
      warningsToAcknowledge: 0,
    });
  });

  it('a draft with errors may not be approved; one with warnings needs them acknowledged', async () => {
    await importDraft(server.runtime.db.pool, 'actions_errors', {
      overrides: ERROR_OVERRIDES,
      allowInvalid: true,
    });
    expect((await actionsOf('actions_errors@draft')).approve).toEqual({
      allowed: false,
      reason: 'approveHasErrors',
    });
    await importDraft(server.runtime.db.pool, 'actions_warnings', { overrides: WARNING_OVERRIDES });
    const actions = await actionsOf('actions_warnings@draft');
    expect(actions.approve).toEqual(ALLOWED);
    expect(actions.warningsToAcknowledge).toBeGreaterThan(0);
  });

  it('a ready revision may be reverted until the label has a draft again; an archived one allows nothing', async () => {
    await importDraft(server.runtime.db.pool, 'actions_ready');
    await approve('actions_ready@draft');
    expect(await actionsOf('actions_ready')).toMatchObject({
      approve: { reason: 'approveNeedsDraft' },
      revert: ALLOWED,
    });
    await importDraft(server.runtime.db.pool, 'actions_ready', { versionId: '2027-01-B' });
    expect((await actionsOf('actions_ready')).revert).toEqual({ allowed: false, reason: 'revertHasDraft' });
    await approve('actions_ready@draft');
    expect(await actionsOf('actions_ready@r1')).toEqual({
      approve: { allowed: false, reason: 'approveNeedsDraft' },
      revert: { allowed: false, reason: 'revertNeedsReady' },
      archive: { allowed: false, reason: 'archiveAlreadyArchived' },
      warningsToAcknowledge: 0,
    });
  });
});
