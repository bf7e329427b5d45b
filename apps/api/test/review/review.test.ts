import { describe, expect, it } from 'vitest';
import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZReviewResponse } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { ERROR_OVERRIDES, WARNING_OVERRIDES, importDraft } from '@planning-hub/test-support/seed-revisions';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

let server: TTestServer;
let reviewer: TTokenCaller;
let admin: TTokenCaller;

serverWithUsersForFile(['reviewer', 'admin'], (started) => ([server, reviewer, admin] = started));

function post(path: string, caller: { headers: Record<string, string> }, body: unknown) {
  return server.fetch(path, {
    method: 'POST',
    headers: { ...caller.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const review = (
  ref: string,
  body: Record<string, unknown>,
  caller: { headers: Record<string, string> } = reviewer,
) => post(API.review(ref), caller, body);

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return ZProblemDetails.parse(await res.json());
}

async function revisionRow(label: string, revision: number) {
  const { rows } = await server.runtime.db.pool.query(
    'SELECT status, approved_by, approved_at, reviewer_id, review_comment FROM planning_input_sets WHERE label = $1 AND revision = $2',
    [label, revision],
  );
  return rows[0];
}

async function events(label: string) {
  const res = await server.fetch(`${API.events(label)}?limit=100`, { headers: reviewer.headers });
  return ZEventsResponse.parse(await res.json()).events;
}

async function reviewsTotal(action: string): Promise<number> {
  const text = await (await server.fetch('/metrics')).text();
  const match = new RegExp(`^input_set_reviews_total\\{action="${action}"\\} (\\d+)`, 'm').exec(text);
  return Number(match?.[1] ?? NaN);
}

describe('POST /api/plans/input_sets/{ref}/review: approve', () => {
  it('makes the draft ready with approved_by (the signed-in user), reviewer_id, approved_at, review_comment and one approve event', async () => {
    const upload = await importDraft(server.runtime.db.pool, 'weekly_refresh');
    const approvesBefore = await reviewsTotal('approve');
    const started = Date.now();
    const res = await review('weekly_refresh@draft', {
      action: 'approve',
      reviewer: 'E1234',
      comment: 'JIRA-123 approve by ops_lead',
    });
    expect(res.status).toBe(200);
    const body = ZReviewResponse.parse(await res.json());
    expect(body).toMatchObject({
      label: 'weekly_refresh',
      revision: 1,
      ref: 'weekly_refresh',
      status: 'ready',
      approvedBy: reviewer.username,
      reviewerId: 'E1234',
      reviewComment: 'JIRA-123 approve by ops_lead',
      previousReady: null,
    });
    expect(Date.parse(body.approvedAt!)).toBeGreaterThanOrEqual(started - 1000);

    const row = await revisionRow('weekly_refresh', 1);
    expect(row).toMatchObject({
      status: 'ready',
      approved_by: reviewer.username,
      reviewer_id: 'E1234',
      review_comment: 'JIRA-123 approve by ops_lead',
    });
    expect(row.approved_at).toBeInstanceOf(Date);

    const [approve, uploadEvent, ...rest] = await events('weekly_refresh');
    expect(rest).toEqual([]);
    expect(uploadEvent!.action).toBe('upload');
    expect(approve).toMatchObject({
      action: 'approve',
      revision: 1,
      actor: 'E1234',
      principal: reviewer.username,
      comment: 'JIRA-123 approve by ops_lead',
      metadata: {
        content_hash: upload.contentHash,
        warnings: 0,
        acknowledged_warnings: false,
        previous_ready_revision: null,
      },
    });
    expect(body.events).toEqual([approve]);
    expect(await reviewsTotal('approve')).toBe(approvesBefore + 1);
  });

  it('archives the previous ready revision with "superseded by rN" when a new draft is approved', async () => {
    await importDraft(server.runtime.db.pool, 'weekly_refresh', {
      versionId: '2027-01-B',
      overrides: { 'inbound.csv': null },
    });
    // r2 drops inbound: the approval gates' row_count_change warning needs the acknowledgement (docs/design.md section 11).
    const res = await review('weekly_refresh@draft', {
      action: 'approve',
      reviewer: 'E2000',
      comment: 'JIRA-124',
      acknowledge_warnings: true,
    });
    expect(res.status).toBe(200);
    const body = ZReviewResponse.parse(await res.json());
    expect(body).toMatchObject({ revision: 2, status: 'ready', ref: 'weekly_refresh' });
    expect(body.previousReady).toMatchObject({
      revision: 1,
      status: 'archived',
      ref: 'weekly_refresh@r1',
      reviewerId: 'E1234',
    });
    expect(await revisionRow('weekly_refresh', 1)).toMatchObject({
      status: 'archived',
      approved_by: reviewer.username,
      reviewer_id: 'E1234',
    });

    const [approve, archive] = await events('weekly_refresh');
    expect(archive).toMatchObject({
      action: 'archive',
      revision: 1,
      comment: 'superseded by r2',
      actor: 'E2000',
      principal: reviewer.username,
    });
    expect(approve).toMatchObject({
      action: 'approve',
      revision: 2,
      metadata: { previous_ready_revision: 1 },
    });
    expect(body.events.map((e) => e.action)).toEqual(['archive', 'approve']);
  });

  it('records ui_reviewer as the Reviewer ID when it is left empty and the user has no employee id', async () => {
    await importDraft(server.runtime.db.pool, 'default_reviewer');
    const res = await review('default_reviewer@draft', { action: 'approve', reviewer: '  ', comment: 'ok' });
    expect(res.status).toBe(200);
    expect(ZReviewResponse.parse(await res.json())).toMatchObject({
      approvedBy: reviewer.username,
      reviewerId: 'ui_reviewer',
    });
    expect((await events('default_reviewer'))[0]).toMatchObject({
      actor: 'ui_reviewer',
      principal: reviewer.username,
    });
  });

  it('refuses to approve a draft with validation errors (409) and changes nothing', async () => {
    await importDraft(server.runtime.db.pool, 'invalid_draft', {
      overrides: ERROR_OVERRIDES,
      allowInvalid: true,
    });
    const problem = await expectProblem(
      await review('invalid_draft@draft', { action: 'approve', comment: 'please' }),
      409,
    );
    expect(problem.detail).toBe("'invalid_draft@draft' has 1 validation error(s) and cannot be approved.");
    expect(await revisionRow('invalid_draft', 1)).toMatchObject({ status: 'draft', approved_by: null });
    expect((await events('invalid_draft')).map((e) => e.action)).toEqual(['upload']);
  });

  it('needs acknowledge_warnings to approve a draft with warnings, and records the acknowledgement', async () => {
    const upload = await importDraft(server.runtime.db.pool, 'warned', { overrides: WARNING_OVERRIDES });
    expect(upload.problemSummary.warnings).toBeGreaterThan(0);
    const problem = await expectProblem(
      await review('warned@draft', { action: 'approve', comment: 'ok' }),
      409,
    );
    expect(problem.detail).toContain('acknowledge_warnings: true');
    const refused = await expectProblem(
      await review('warned@draft', { action: 'approve', comment: 'ok', acknowledge_warnings: false }),
      409,
    );
    expect(refused.code).toBe('conflict');

    const res = await review('warned@draft', {
      action: 'approve',
      comment: 'warnings read',
      acknowledge_warnings: true,
    });
    expect(res.status).toBe(200);
    const [approve] = await events('warned');
    expect(approve!.metadata).toMatchObject({
      content_hash: upload.contentHash,
      warnings: upload.problemSummary.warnings,
      warnings_by_code: { unknown_column: 1 },
      acknowledged_warnings: true,
    });
  });

  it('answers 409 when the draft changed since the reviewer looked at it', async () => {
    await importDraft(server.runtime.db.pool, 'moving');
    const problem = await expectProblem(
      await review('moving@draft', {
        action: 'approve',
        comment: 'ok',
        expected_content_hash: 'f'.repeat(64),
      }),
      409,
    );
    expect(problem.detail).toContain('changed since it was reviewed');
  });

  it('answers 409 for a ready revision and for a draft that no longer exists, 404 for an unknown label', async () => {
    expect(
      (await expectProblem(await review('weekly_refresh', { action: 'approve', comment: 'x' }), 409)).detail,
    ).toBe("'weekly_refresh' (r2) is ready; only a draft can be approved.");
    expect(
      (await expectProblem(await review('weekly_refresh@draft', { action: 'approve', comment: 'x' }), 409))
        .detail,
    ).toBe("'weekly_refresh@draft' no longer exists (r2 is ready); reload and try again.");
    const missing = await expectProblem(
      await review('nothing_here@draft', { action: 'approve', comment: 'x' }),
      404,
    );
    expect(missing.detail).toBe("Input set 'nothing_here@draft' not found.");
  });

  it('refuses a missing comment, an unknown action and a malformed reference with 400', async () => {
    await expectProblem(await review('weekly_refresh@draft', { action: 'approve', comment: '   ' }), 400);
    await expectProblem(await review('weekly_refresh@draft', { action: 'publish', comment: 'x' }), 400);
    await expectProblem(await review('Weekly@draft', { action: 'approve', comment: 'x' }), 400);
  });

  it('works for a browser session with the CSRF token, and refuses a viewer and a planner', async () => {
    await importDraft(server.runtime.db.pool, 'from_browser');
    const browser = await server.createUserWithSession('reviewer');
    const res = await review('from_browser@draft', { action: 'approve', comment: 'ok' }, browser);
    expect(res.status).toBe(200);
    expect((await events('from_browser'))[0]).toMatchObject({
      actor: 'ui_reviewer',
      principal: browser.username,
    });
    for (const role of ['viewer', 'planner'] as const) {
      const caller = await server.createUserWithToken(role);
      const problem = await expectProblem(
        await review('from_browser', { action: 'revert', comment: 'x' }, caller),
        403,
      );
      expect(problem.detail).toBe(`This needs the reviewer role; you are ${role}.`);
    }
  });
});

describe('POST /api/plans/input_sets/{ref}/review: revert', () => {
  it('sends the ready revision back to draft, clears approved_by/at and the Reviewer ID, and keeps the reason', async () => {
    const revertsBefore = await reviewsTotal('revert');
    const res = await review('default_reviewer', {
      action: 'revert',
      reviewer: 'E77',
      comment: 'wrong calendar, JIRA-9',
    });
    expect(res.status).toBe(200);
    const body = ZReviewResponse.parse(await res.json());
    expect(body).toMatchObject({
      ref: 'default_reviewer@draft',
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      reviewerId: null,
      reviewComment: 'wrong calendar, JIRA-9',
    });
    expect(await revisionRow('default_reviewer', 1)).toMatchObject({
      status: 'draft',
      approved_by: null,
      approved_at: null,
      review_comment: 'wrong calendar, JIRA-9',
    });
    const [revert] = await events('default_reviewer');
    expect(revert).toMatchObject({
      action: 'revert',
      actor: 'E77',
      principal: reviewer.username,
      comment: 'wrong calendar, JIRA-9',
      metadata: { previous_approved_by: reviewer.username, previous_reviewer_id: 'ui_reviewer' },
    });
    expect(await reviewsTotal('revert')).toBe(revertsBefore + 1);
  });

  it('requires a reason', async () => {
    const problem = await expectProblem(
      await review('weekly_refresh', { action: 'revert', comment: '' }),
      400,
    );
    expect(problem.code).toBe('bad_request');
  });

  it('refuses with 409 when the label already has a draft', async () => {
    await importDraft(server.runtime.db.pool, 'weekly_refresh', { versionId: '2027-02-A' });
    const problem = await expectProblem(
      await review('weekly_refresh', { action: 'revert', comment: 'bad data' }),
      409,
    );
    expect(problem.detail).toBe(
      "'weekly_refresh' already has a draft (r3); 'weekly_refresh' cannot be reverted while it exists.",
    );
    expect(await revisionRow('weekly_refresh', 2)).toMatchObject({ status: 'ready', reviewer_id: 'E2000' });
  });

  it('answers the runbook text with a hint when only a draft exists', async () => {
    const problem = await expectProblem(await review('moving', { action: 'revert', comment: 'x' }), 404);
    expect(problem.detail).toBe("Input set 'moving' not found.");
    expect(problem.hint).toContain("'moving@draft'");
  });
});

describe('POST /api/plans/input_sets/{ref}/archive', () => {
  it('archives any revision for an admin, with an archive event', async () => {
    const archivesBefore = await reviewsTotal('archive');
    const res = await post(API.archive('weekly_refresh@draft'), admin, { comment: 'abandoned, JIRA-130' });
    expect(res.status).toBe(200);
    const body = ZReviewResponse.parse(await res.json());
    expect(body).toMatchObject({
      revision: 3,
      status: 'archived',
      ref: 'weekly_refresh@r3',
      reviewComment: 'abandoned, JIRA-130',
    });
    const [archive] = await events('weekly_refresh');
    expect(archive).toMatchObject({
      action: 'archive',
      revision: 3,
      actor: admin.username,
      principal: admin.username,
      comment: 'abandoned, JIRA-130',
      metadata: { previous_status: 'draft' },
    });
    expect(await reviewsTotal('archive')).toBe(archivesBefore + 1);
  });

  it('refuses a revision that is already archived, and a reviewer', async () => {
    const problem = await expectProblem(
      await post(API.archive('weekly_refresh@r3'), admin, { comment: 'again' }),
      409,
    );
    expect(problem.detail).toBe("'weekly_refresh@r3' is already archived.");
    const forbidden = await expectProblem(
      await post(API.archive('weekly_refresh'), reviewer, { comment: 'x' }),
      403,
    );
    expect(forbidden.detail).toBe('This needs the admin role; you are reviewer.');
    const ready = ZInputSetSummary.parse(
      await (await server.fetch(API.inputSet('weekly_refresh'), { headers: reviewer.headers })).json(),
    );
    expect(ready.revision).toBe(2);
  });
});
