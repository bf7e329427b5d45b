import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { API } from '@planning-hub/contracts/api/routes';
import {
  GENESIS_HASH,
  computeEventHash,
  type TChainedEventFields,
} from '@planning-hub/core/events/event-hash';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { systemActor } from '@planning-hub/server/services/auth/actor';
import { EVENT_COLUMNS, toChainLink, type TEventRow } from '@planning-hub/server/services/events/event-json';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { withEventTriggersOff } from '@planning-hub/test-support/tamper-events';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * Someone who holds the database (a superuser, the owner, a restored dump) but not the
 * audit key: they can disable the append-only trigger, rewrite an event and recompute
 * every later hash, or delete the newest events. The chain is keyed (HMAC-SHA256 with
 * AUDIT_HMAC_KEY, kept outside the database), so a recomputed chain fails verification;
 * a deleted tail is caught against a head recorded earlier (events --json, evidence).
 * The tampering is the attacker's, hashing with the product's own computeEventHash (the
 * algorithm is public, docs/design.md section 5; only the key is secret).
 */

let server: TTestServer;
let viewer: TTokenCaller;

/**
 * As a superuser with the triggers off: runs `change`, then recomputes the label's whole
 * chain, with `key` or with plain SHA-256 (`rehash: false`: leaves the hashes as they are).
 */
async function tamper(
  label: string,
  change: (client: pg.PoolClient) => Promise<unknown>,
  { rehash = true, key }: { rehash?: boolean; key?: string } = {},
): Promise<void> {
  await withEventTriggersOff(server.runtime.db.pool, async (client) => {
    await change(client);
    const { rows } = await client.query<TEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events WHERE label = $1 ORDER BY planning_input_set_events.id`,
      [label],
    );
    let prev = GENESIS_HASH;
    for (const row of rehash ? rows : []) {
      const hash = computeEventHash(prev, toChainLink(row), key);
      await client.query('UPDATE planning_input_set_events SET prev_hash = $2, hash = $3 WHERE id = $1', [
        row.id,
        prev,
        hash,
      ]);
      prev = hash;
    }
  });
}

async function seed(label: string): Promise<void> {
  const { pool } = server.runtime.db;
  await importDraft(pool, label);
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    comment: 'JIRA-1 checked the totals',
    actor: systemActor('lead'),
  });
  await importDraft(pool, label, { versionId: 'B' });
  await approveDraft({ pool, ref: `${label}@draft`, comment: 'JIRA-2', actor: systemActor('lead') });
}

async function verify(label: string, query = '') {
  const res = await server.fetch(`${API.eventsVerify(label)}${query}`, { headers: viewer.headers });
  expect(res.status).toBe(200);
  return ZVerifyEventsResponse.parse(await res.json());
}

const auditKey = async () => (await readFile(path.join(server.dataDir, 'audit-hmac-key'), 'utf8')).trim();

beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.createUserWithToken('viewer');
});
afterAll(() => server?.close());

describe('attempt the superuser rewrite', () => {
  it('fails verification after an event is rewritten and every later hash recomputed with plain SHA-256', async () => {
    await seed('rewritten');
    expect(await verify('rewritten')).toMatchObject({ ok: true, checked: 5 });
    await tamper('rewritten', (client) =>
      client.query(
        "UPDATE planning_input_set_events SET comment = 'JIRA-1 approved without checking' WHERE label = 'rewritten' AND comment = 'JIRA-1 checked the totals'",
      ),
    );
    const verdict = await verify('rewritten');
    expect(verdict.ok).toBe(false);
    expect(verdict.brokenEvent).toMatchObject({ action: 'upload', revision: 1 });
    expect(verdict.reason).toMatch(/without the audit key/);
  });

  it('... which the same rewrite done with the key would pass: the key is what catches it', async () => {
    await seed('rewritten_with_key');
    await tamper(
      'rewritten_with_key',
      (client) =>
        client.query(
          "UPDATE planning_input_set_events SET comment = 'JIRA-1 approved without checking' WHERE label = 'rewritten_with_key' AND comment = 'JIRA-1 checked the totals'",
        ),
      { key: await auditKey() },
    );
    expect(await verify('rewritten_with_key')).toMatchObject({ ok: true, checked: 5, keyed: 5, unkeyed: 0 });
  });

  it('still verifies events written before the key existed (plain SHA-256), says how many, and refuses an unkeyed tail after keyed events', async () => {
    // Two events from before the key: written with plain SHA-256, dated before it came into use.
    const label = 'older_than_key';
    await server.runtime.db.pool.query(
      `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
       VALUES ($1, 1, 'archived', 'v0', $2, '{}', 'legacy')`,
      [label, 'd'.repeat(64)],
    );
    let prev = GENESIS_HASH;
    for (const [i, comment] of ['first', 'second'].entries()) {
      const event = {
        label,
        inputSetId: null,
        revision: null,
        action: 'backfill',
        actor: 'legacy',
        principal: 'legacy',
        comment,
        metadata: { i },
        createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      } satisfies TChainedEventFields;
      const hash = computeEventHash(prev, event);
      await server.runtime.db.pool.query(
        `INSERT INTO planning_input_set_events (label, action, actor, principal, comment, metadata, created_at, prev_hash, hash)
         VALUES ($1, 'backfill', 'legacy', 'legacy', $2, $3, $4, $5, $6)`,
        [label, comment, JSON.stringify(event.metadata), event.createdAt, prev, hash],
      );
      prev = hash;
    }
    await importDraft(server.runtime.db.pool, label);
    expect(await verify(label)).toMatchObject({ ok: true, checked: 3, keyed: 1, unkeyed: 2 });

    // Recomputing the keyed tail without the key: refused, although the old events stay plain.
    await tamper(label, (client) =>
      client.query(
        `UPDATE planning_input_set_events SET actor = 'someone else' WHERE label = $1 AND action = 'upload'`,
        [label],
      ),
    );
    const verdict = await verify(label);
    expect(verdict).toMatchObject({ ok: false, checked: 2, brokenEvent: { action: 'upload' } });
    expect(verdict.reason).toMatch(/without the audit key/);
  });
});

describe('deleting the newest events', () => {
  it('is caught against the head recorded earlier (events --json), naming what is missing; without a head it cannot be told', async () => {
    await seed('truncated');
    const page = ZEventsResponse.parse(
      await (await server.fetch(`${API.events('truncated')}?limit=1`, { headers: viewer.headers })).json(),
    );
    const recorded = { id: page.events[0]!.id, hash: page.events[0]!.hash, count: 5 };
    const query = `?head=${recorded.hash}&headId=${recorded.id}&headCount=${recorded.count}`;
    expect(await verify('truncated', query)).toMatchObject({ ok: true, checked: 5 });

    await tamper(
      'truncated',
      (client) =>
        client.query(
          `DELETE FROM planning_input_set_events WHERE id IN (SELECT id FROM planning_input_set_events WHERE label = 'truncated' ORDER BY id DESC LIMIT 2)`,
        ),
      { rehash: false },
    );
    // The rest of the chain is intact: from the database alone, a cut tail looks like a shorter chain.
    expect(await verify('truncated')).toMatchObject({ ok: true, checked: 3 });

    const verdict = await verify('truncated', query);
    expect(verdict).toMatchObject({ ok: false, checked: 3, removedFromEnd: 2 });
    expect(verdict.reason).toContain(`event ${recorded.id}`);
    expect(verdict.reason).toMatch(/removed from the end/);
    // A bare hash is enough to fail: it is no longer in the chain.
    const byHash = await verify('truncated', `?head=${recorded.hash}`);
    expect(byHash.ok).toBe(false);
    expect(byHash.reason).toContain(recorded.hash.slice(0, 12));
    // Whatever page is asked for, the events response carries the label's head.
    expect(page.head).toEqual(recorded);
  });

  it('passes with a head recorded before later events were added', async () => {
    await seed('grows');
    const before = ZEventsResponse.parse(
      await (await server.fetch(API.events('grows'), { headers: viewer.headers })).json(),
    ).head;
    expect(before).toMatchObject({ count: 5 });
    await importDraft(server.runtime.db.pool, 'grows', { versionId: 'C' });
    expect(
      await verify('grows', `?head=${before!.hash}&headId=${before!.id}&headCount=${before!.count}`),
    ).toMatchObject({ ok: true, checked: 6 });
  });
});
