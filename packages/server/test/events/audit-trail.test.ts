import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { createDatabaseClients } from '../../src/database/connect';
import { backfillEvent } from '../../src/services/events/backfill-event';
import { listAllEvents, listEvents } from '../../src/services/events/list-events';
import { verifyEvents } from '../../src/services/events/verify-events';
import { approveDraft } from '../../src/services/review/approve-draft';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { withEventTriggersOff } from '@planning-hub/test-support/tamper-events';
import { createTestDatabase } from '@planning-hub/test-support/test-database';
import { systemActor } from '../../src/services/auth/actor';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 4);
});
afterAll(async () => {
  await clients?.close();
  await database?.drop();
});

/** upload r1, approve r1, upload r2, approve r2 (archives r1): five events. */
async function seedHistory(label: string): Promise<void> {
  const { pool } = clients;
  await importDraft(pool, label);
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    reviewer: 'E100',
    comment: 'first',
    actor: systemActor('alice'),
  });
  await importDraft(pool, label, { versionId: '2027-01-B', overrides: { 'inventory.csv': null } });
  // r2 drops inventory: the approval gates' warnings need the acknowledgement (docs/design.md section 11).
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    reviewer: 'E101',
    comment: 'second',
    acknowledgeWarnings: true,
    actor: systemActor('bob'),
  });
}

async function eventIds(label: string): Promise<string[]> {
  const { rows } = await clients.pool.query<{ id: string }>(
    'SELECT id::text AS id FROM planning_input_set_events WHERE label = $1 ORDER BY id',
    [label],
  );
  return rows.map((r) => r.id);
}

/** Tampering as only a superuser can: with the append-only trigger switched off for a moment. */
async function tamper(...statements: [sql: string, params: unknown[]][]): Promise<void> {
  await withEventTriggersOff(clients.pool, async (client) => {
    for (const [sql, params] of statements) await client.query(sql, params);
  });
}

describe('planning_input_set_events is append-only', () => {
  beforeAll(() => seedHistory('append_only'));

  it.each([
    ['UPDATE', "UPDATE planning_input_set_events SET comment = 'rewritten' WHERE label = 'append_only'"],
    ['DELETE', "DELETE FROM planning_input_set_events WHERE label = 'append_only'"],
    ['TRUNCATE', 'TRUNCATE planning_input_set_events'],
  ])('refuses %s in SQL', async (operation, sql) => {
    await expect(clients.pool.query(sql)).rejects.toThrow(
      `planning_input_set_events is append-only: ${operation} is not allowed`,
    );
    expect(await eventIds('append_only')).toHaveLength(5);
  });
});

describe('verifyEvents (planning events verify)', () => {
  it('passes an untouched chain and counts every event', async () => {
    await seedHistory('intact');
    const verdict = ZVerifyEventsResponse.parse(await verifyEvents({ pool: clients.pool, label: 'intact' }));
    // A pool without an audit key (as this test's): every event is hashed and checked with plain SHA-256.
    expect(verdict).toEqual({
      label: 'intact',
      ok: true,
      checked: 5,
      keyed: 0,
      unkeyed: 5,
      brokenAt: null,
      reason: null,
      brokenEvent: null,
      removedFromEnd: null,
      head: { id: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), count: 5 },
    });
  });

  it('detects one byte of a comment altered behind the trigger', async () => {
    await seedHistory('altered');
    const ids = await eventIds('altered');
    await tamper(["UPDATE planning_input_set_events SET comment = 'firsT' WHERE id = $1", [ids[1]]]);
    const verdict = await verifyEvents({ pool: clients.pool, label: 'altered' });
    expect(verdict).toMatchObject({ ok: false, checked: 1, brokenAt: ids[1] });
    expect(verdict.reason).toContain('altered');
    expect(verdict.brokenEvent).toMatchObject({ id: ids[1], action: 'approve', comment: 'firsT' });
  });

  it('detects a deleted event', async () => {
    await seedHistory('deleted');
    const ids = await eventIds('deleted');
    await tamper(['DELETE FROM planning_input_set_events WHERE id = $1', [ids[2]]]);
    const verdict = await verifyEvents({ pool: clients.pool, label: 'deleted' });
    expect(verdict).toMatchObject({ ok: false, checked: 2, brokenAt: ids[3] });
    expect(verdict.reason).toContain('removed or reordered');
  });

  it('detects two events whose ids were swapped', async () => {
    await seedHistory('reordered');
    const ids = await eventIds('reordered');
    await tamper(
      ['UPDATE planning_input_set_events SET id = -1 WHERE id = $1', [ids[1]]],
      ['UPDATE planning_input_set_events SET id = $1 WHERE id = $2', [ids[1], ids[2]]],
      ['UPDATE planning_input_set_events SET id = $1 WHERE id = -1', [ids[2]]],
    );
    const verdict = await verifyEvents({ pool: clients.pool, label: 'reordered' });
    expect(verdict).toMatchObject({ ok: false, checked: 1, brokenAt: ids[1] });
  });

  it('answers the runbook text for a label that does not exist', async () => {
    await expect(verifyEvents({ pool: clients.pool, label: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
      message: "Input set 'nope' not found.",
    });
  });
});

describe('listEvents', () => {
  beforeAll(() => seedHistory('paged'));

  it('lists newest first across all revisions, with JST times and the hash links', async () => {
    const page = ZEventsResponse.parse(await listEvents({ pool: clients.pool, label: 'paged' }));
    expect(page.events.map((e) => [e.action, e.revision])).toEqual([
      ['approve', 2],
      ['archive', 1],
      ['upload', 2],
      ['approve', 1],
      ['upload', 1],
    ]);
    expect(page.nextCursor).toBeNull();
    const [latest, superseded] = page.events;
    expect(latest).toMatchObject({ actor: 'E101', principal: 'bob', comment: 'second' });
    expect(superseded).toMatchObject({ action: 'archive', comment: 'superseded by r2', actor: 'E101' });
    expect(latest!.createdAtJst).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST$/);
    expect(latest!.prevHash).toBe(superseded!.hash);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listEvents({ pool: clients.pool, label: 'paged', limit: 2, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...(await eventIds('paged'))].reverse());
    expect((await listAllEvents({ pool: clients.pool, label: 'paged' })).events.map((e) => e.id)).toEqual(
      seen,
    );
  });

  it('refuses a limit outside 1..1000, a reference instead of a label, and unknown labels', async () => {
    await expect(listEvents({ pool: clients.pool, label: 'paged', limit: 0 })).rejects.toThrow();
    await expect(listEvents({ pool: clients.pool, label: 'paged', limit: 1001 })).rejects.toThrow();
    await expect(listEvents({ pool: clients.pool, label: 'paged@draft' })).rejects.toMatchObject({
      code: 'bad_request',
      hint: { code: 'hint.events.use_label', params: { label: 'paged' } },
    });
    await expect(listEvents({ pool: clients.pool, label: 'unknown_label' })).rejects.toMatchObject({
      code: 'not_found',
      message: "Input set 'unknown_label' not found.",
    });
  });
});

describe('backfillEvent (runbook: 0 events)', () => {
  /**
   * A revision as an import with event logging disabled would have left it, before the
   * approval trigger existed: inserted with triggers off (a superuser's replica mode).
   */
  async function insertSilentRevision(label: string, status: 'draft' | 'ready'): Promise<void> {
    const client = await clients.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by, approved_by, approved_at)
         VALUES ($1, 1, $2, 'legacy-1', $3, '{}', 'legacy', $4, $5)`,
        [
          label,
          status,
          'a'.repeat(64),
          status === 'ready' ? 'E007' : null,
          status === 'ready' ? new Date() : null,
        ],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  it('appends one backfill event for a revision without events, on the chain, and refuses a second', async () => {
    await insertSilentRevision('silent', 'ready');
    expect((await listEvents({ pool: clients.pool, label: 'silent' })).events).toEqual([]);
    const event = await backfillEvent({
      pool: clients.pool,
      ref: 'silent',
      comment: 'imported before events, JIRA-77',
      actor: { ...systemActor('admin'), employeeId: 'E001' },
    });
    expect(event).toMatchObject({
      action: 'backfill',
      revision: 1,
      actor: 'E001',
      principal: 'admin',
      comment: 'imported before events, JIRA-77',
      metadata: {
        reason: 'imported before events, JIRA-77',
        backfilled_action: 'approve',
        status_at_backfill: 'ready',
        approved_by: 'E007',
      },
    });
    expect(await verifyEvents({ pool: clients.pool, label: 'silent' })).toMatchObject({
      ok: true,
      checked: 1,
    });
    await expect(
      backfillEvent({
        pool: clients.pool,
        ref: 'silent@r1',
        comment: 'again',
        actor: { ...systemActor('admin'), employeeId: 'E001' },
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already has 1 event(s)') });
  });

  it('requires a comment and never touches a revision that has events', async () => {
    await insertSilentRevision('silent_draft', 'draft');
    await expect(
      backfillEvent({
        pool: clients.pool,
        ref: 'silent_draft@draft',
        comment: '  ',
        actor: { ...systemActor('admin'), employeeId: 'E001' },
      }),
    ).rejects.toMatchObject({ code: 'bad_request', message: 'A comment is required.' });
    await seedHistory('has_events');
    await expect(
      backfillEvent({
        pool: clients.pool,
        ref: 'has_events',
        comment: 'why',
        actor: { ...systemActor('admin'), employeeId: 'E001' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await eventIds('has_events')).toHaveLength(5);
  });
});
