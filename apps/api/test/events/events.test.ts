import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse, ZInputSetEvent, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';
import { systemActor } from '@planning-hub/server/services/auth/actor';

let server: TTestServer;
let viewer: TTokenCaller;
let admin: TTokenCaller;

/** r1 upload, approve; r2 upload, approve (archives r1); r3 upload: six events. */
async function seedWeeklyRefresh(): Promise<void> {
  const { pool } = server.runtime.db;
  await importDraft(pool, 'weekly_refresh');
  await approveDraft({
    pool,
    ref: 'weekly_refresh@draft',
    reviewer: 'E1',
    comment: 'JIRA-1',
    actor: systemActor('lead'),
  });
  await importDraft(pool, 'weekly_refresh', { versionId: 'B', overrides: { 'inbound.csv': null } });
  // r2 drops inbound: the approval gates' row_count_change warning needs the acknowledgement (docs/design.md section 11).
  await approveDraft({
    pool,
    ref: 'weekly_refresh@draft',
    reviewer: 'E2',
    comment: 'JIRA-2',
    acknowledgeWarnings: true,
    actor: systemActor('lead'),
  });
  await importDraft(pool, 'weekly_refresh', { versionId: 'C' });
}

beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.createUserWithToken('viewer');
  admin = await server.createUserWithToken('admin');
  await seedWeeklyRefresh();
});
afterAll(() => server?.close());

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ZProblemDetails.parse(await res.json());
}

describe('GET /api/plans/input_sets/{label}/events', () => {
  it('answers the runbook command: curl -H "Authorization: Bearer $TOKEN" ".../weekly_refresh/events?limit=100"', async () => {
    const { token } = viewer;
    const res = await fetch(`${server.baseUrl}/api/plans/input_sets/weekly_refresh/events?limit=100`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = ZEventsResponse.parse(await res.json());
    expect(body.label).toBe('weekly_refresh');
    expect(body.nextCursor).toBeNull();
    expect(body.events.map((e) => `${e.action} r${e.revision}`)).toEqual([
      'upload r3',
      'approve r2',
      'archive r1',
      'upload r2',
      'approve r1',
      'upload r1',
    ]);
    const approve = body.events[1]!;
    expect(Object.keys(approve).sort()).toEqual([
      'action',
      'actor',
      'comment',
      'createdAt',
      'createdAtJst',
      'hash',
      'id',
      'inputSetId',
      'label',
      'metadata',
      'prevHash',
      'principal',
      'revision',
    ]);
    expect(approve).toMatchObject({ actor: 'E2', principal: 'lead', comment: 'JIRA-2' });
    expect(approve.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const jstHour = (new Date(approve.createdAt).getUTCHours() + 9) % 24;
    expect(approve.createdAtJst).toMatch(
      new RegExp(` ${String(jstHour).padStart(2, '0')}:\\d{2}:\\d{2} JST$`),
    );
    expect(body.events[2]!.comment).toBe('superseded by r2');
  });

  it('pages newest first with an opaque cursor', async () => {
    const all = ZEventsResponse.parse(
      await (
        await server.fetch(`${API.events('weekly_refresh')}?limit=100`, { headers: viewer.headers })
      ).json(),
    );
    const ids: string[] = [];
    let url = `${API.events('weekly_refresh')}?limit=4`;
    for (;;) {
      const page = ZEventsResponse.parse(await (await server.fetch(url, { headers: viewer.headers })).json());
      ids.push(...page.events.map((e) => e.id));
      if (!page.nextCursor) break;
      url = `${API.events('weekly_refresh')}?limit=4&cursor=${page.nextCursor}`;
    }
    expect(ids).toEqual(all.events.map((e) => e.id));
    expect(ids).toHaveLength(6);
  });

  it('defaults to 100 and bounds limit and cursor (400)', async () => {
    expect((await server.fetch(API.events('weekly_refresh'), { headers: viewer.headers })).status).toBe(200);
    for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'cursor=abc', 'cursor=-1']) {
      await expectProblem(
        await server.fetch(`${API.events('weekly_refresh')}?${query}`, { headers: viewer.headers }),
        400,
      );
    }
  });

  it('answers the runbook text for an unknown label and points a reference to its label', async () => {
    const missing = await expectProblem(
      await server.fetch(API.events('weekly_refrsh'), { headers: viewer.headers }),
      404,
    );
    expect(missing.detail).toBe("Input set 'weekly_refrsh' not found.");
    const ref = await expectProblem(
      await server.fetch(API.events('weekly_refresh@draft'), { headers: viewer.headers }),
      400,
    );
    expect(ref.hint).toContain("use 'weekly_refresh'");
  });

  it('needs a signed-in caller', async () => {
    await expectProblem(await server.fetch(API.events('weekly_refresh')), 401);
    const revoked = await expectProblem(
      await server.fetch(API.events('weekly_refresh'), {
        headers: { authorization: 'Bearer ph_00000000_nope' },
      }),
      401,
    );
    expect(revoked.code).toBe('unauthenticated');
  });
});

describe('GET /api/plans/input_sets/{label}/events/verify', () => {
  it('reports an intact chain', async () => {
    const res = await server.fetch(API.eventsVerify('weekly_refresh'), { headers: viewer.headers });
    expect(res.status).toBe(200);
    expect(ZVerifyEventsResponse.parse(await res.json())).toMatchObject({
      ok: true,
      checked: 6,
      brokenAt: null,
    });
  });

  it('names the first broken link after a row was altered behind the trigger', async () => {
    await importDraft(server.runtime.db.pool, 'tampered');
    await approveDraft({
      pool: server.runtime.db.pool,
      ref: 'tampered@draft',
      comment: 'ok',
      actor: systemActor('lead'),
    });
    const client = await server.runtime.db.pool.connect();
    try {
      await client.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER ALL');
      await client.query(
        "UPDATE planning_input_set_events SET actor = 'E666' WHERE label = 'tampered' AND action = 'approve'",
      );
    } finally {
      await client.query('ALTER TABLE planning_input_set_events ENABLE TRIGGER ALL');
      client.release();
    }
    const verdict = ZVerifyEventsResponse.parse(
      await (await server.fetch(API.eventsVerify('tampered'), { headers: viewer.headers })).json(),
    );
    expect(verdict).toMatchObject({
      ok: false,
      checked: 1,
      brokenEvent: { action: 'approve', actor: 'E666' },
    });
    expect(verdict.reason).toContain('altered');
  });
});

describe('POST /api/plans/input_sets/{ref}/events/backfill', () => {
  const backfill = (ref: string, caller: TTokenCaller, comment: string) =>
    server.fetch(`${API.events(ref)}/backfill`, {
      method: 'POST',
      headers: { ...caller.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ comment }),
    });

  it('appends a backfill event for a revision without events (admin), then refuses a second one', async () => {
    await server.runtime.db.pool.query(
      `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
       VALUES ('legacy_set', 1, 'draft', 'v0', $1, '{}', 'legacy')`,
      ['b'.repeat(64)],
    );
    const empty = ZEventsResponse.parse(
      await (await server.fetch(API.events('legacy_set'), { headers: viewer.headers })).json(),
    );
    expect(empty.events).toEqual([]);

    const res = await backfill('legacy_set@draft', admin, 'imported with events disabled, JIRA-77');
    expect(res.status).toBe(201);
    expect(ZInputSetEvent.parse(await res.json())).toMatchObject({
      action: 'backfill',
      principal: admin.username,
      metadata: {
        reason: 'imported with events disabled, JIRA-77',
        backfilled_action: 'upload',
        status_at_backfill: 'draft',
      },
    });
    const again = await expectProblem(await backfill('legacy_set@r1', admin, 'again'), 409);
    expect(again.detail).toContain('already has 1 event(s)');
  });

  it('is for admins only and needs a comment', async () => {
    const reviewer = await server.createUserWithToken('reviewer');
    expect((await expectProblem(await backfill('weekly_refresh', reviewer, 'x'), 403)).detail).toBe(
      'This needs the admin role; you are reviewer.',
    );
    await expectProblem(await backfill('weekly_refresh', admin, ' '), 400);
  });
});
