import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import { appendEvent, type TNewEvent } from '../../src/services/events/append-event';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { createTestDatabase } from '@planning-hub/test-support/test-database';

/**
 * The database's own guards on the audit trail (migrations app_role_and_four_eyes and
 * identity_and_approval): the application role's privileges, and the approval trigger
 * that makes a draft ready only with its approve event (four eyes included).
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clients: ReturnType<typeof createDatabaseClients>;
/** A connection as the owner (the test server's superuser), which may SET ROLE. */
let owner: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  clients = createDatabaseClients(database.url, 2);
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await clients?.close();
  await database?.drop();
});

/** Runs `work` in a transaction that is always rolled back. */
async function inRolledBackTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The error `sql` fails with, inside a savepoint so that the transaction goes on. */
async function failureOf(
  client: pg.Client,
  sql: string,
): Promise<{ code?: string; message: string; constraint?: string } | null> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql);
    await client.query('RELEASE SAVEPOINT attempt');
    return null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    return error as { code?: string; message: string };
  }
}

function approveEvent(label: string, inputSetId: number, principal: string): TNewEvent {
  return {
    label,
    inputSetId,
    revision: 1,
    action: 'approve',
    actor: principal,
    principal,
    userId: null,
    comment: 'ok',
    metadata: {},
  };
}

async function draftIdOf(label: string): Promise<number> {
  const { rows } = await clients.pool.query<{ id: number }>(
    "SELECT id FROM planning_input_sets WHERE label = $1 AND status = 'draft'",
    [label],
  );
  return rows[0]!.id;
}

describe('the application role planning_hub_app', () => {
  beforeAll(async () => {
    await importDraft(clients.pool, 'audited');
  });

  it.each([
    ['UPDATE', "UPDATE planning_input_set_events SET comment = 'rewritten'"],
    ['DELETE', 'DELETE FROM planning_input_set_events'],
    ['TRUNCATE', 'TRUNCATE planning_input_set_events'],
  ])(
    'cannot %s planning_input_set_events: privileges refuse it, with the trigger disabled too',
    async (_verb, sql) => {
      await inRolledBackTransaction(owner, async () => {
        // The owner disables the append-only triggers: what still refuses is the role's lack of privilege.
        await owner.query('ALTER TABLE planning_input_set_events DISABLE TRIGGER USER');
        await owner.query('SET LOCAL ROLE planning_hub_app');
        const failure = await failureOf(owner, sql);
        expect(failure).toMatchObject({
          code: '42501',
          message: 'permission denied for table planning_input_set_events',
        });
      });
    },
  );

  it('may read and append events, and change the input tables, but not the migrations table', async () => {
    const inputSetId = await draftIdOf('audited');
    await inRolledBackTransaction(owner, async () => {
      await owner.query('SET LOCAL ROLE planning_hub_app');
      expect(await failureOf(owner, 'SELECT count(*) FROM planning_input_set_events')).toBeNull();
      await appendEvent(owner as unknown as pg.PoolClient, {
        ...approveEvent('audited', inputSetId, 'someone'),
        action: 'export',
      });
      expect(
        await failureOf(owner, `DELETE FROM planning_input_demand WHERE input_set_id = ${inputSetId}`),
      ).toBeNull();
      expect(
        await failureOf(owner, `UPDATE planning_input_sets SET note = 'x' WHERE id = ${inputSetId}`),
      ).toBeNull();
      expect(await failureOf(owner, "UPDATE _prisma_migrations SET logs = 'x'")).toMatchObject({
        code: '42501',
      });
    });
  });

  it('is refused by the trigger as the owner (the trigger stays for everyone else)', async () => {
    await inRolledBackTransaction(owner, async () => {
      const failure = await failureOf(owner, "UPDATE planning_input_set_events SET comment = 'rewritten'");
      expect(failure?.message).toBe('planning_input_set_events is append-only: UPDATE is not allowed');
    });
  });
});

describe('the approval trigger (planning_input_sets_ready_needs_approval)', () => {
  let alice: number;
  let bob: number;
  let localOperator: number;

  beforeAll(async () => {
    const insertUser = async (username: string, kind: 'person' | 'local') =>
      (
        await clients.pool.query<{ id: number }>(
          "INSERT INTO users (username, role, password_hash, kind) VALUES ($1, 'reviewer', '!', $2) RETURNING id",
          [username, kind],
        )
      ).rows[0]!.id;
    alice = await insertUser('alice', 'person');
    bob = await insertUser('bob', 'person');
    localOperator = await insertUser('local:ops', 'local');
    await importDraft(clients.pool, 'approval_db', { principal: 'alice', userId: alice });
  });

  /** Sets the installation's policy as the owner (the server does this at start from FOUR_EYES). */
  async function setFourEyes(on: boolean): Promise<void> {
    await clients.pool.query('UPDATE planning_hub_policy SET four_eyes = $1 WHERE id = 1', [on]);
  }

  /** In a rolled-back transaction, as the application role: an approve event by `userId` (unless null), then the status change. */
  async function approveAsApp(inputSetId: number, userId: number | null) {
    let failure: Awaited<ReturnType<typeof failureOf>> = null;
    await inRolledBackTransaction(owner, async () => {
      await owner.query('SET LOCAL ROLE planning_hub_app');
      if (userId !== null) {
        await appendEvent(owner as unknown as pg.PoolClient, {
          ...approveEvent('approval_db', inputSetId, 'someone'),
          userId,
        });
      }
      failure = await failureOf(
        owner,
        `UPDATE planning_input_sets SET status = 'ready' WHERE id = ${inputSetId}`,
      );
    });
    return failure;
  }

  it('refuses UPDATE ... SET status = ready by the application role without an approve event in the transaction', async () => {
    const inputSetId = await draftIdOf('approval_db');
    expect(await approveAsApp(inputSetId, null)).toMatchObject({
      code: '23514',
      constraint: 'planning_input_sets_ready_needs_approval',
      message: 'approval_db@r1 becomes ready only in the transaction that writes its approve event',
    });
  });

  it('lets it through with the approve event in the same transaction, and never with one written before', async () => {
    const inputSetId = await draftIdOf('approval_db');
    expect(await approveAsApp(inputSetId, bob)).toBeNull();
    // An approve event committed earlier (a reused approval) does not count.
    const earlier = await clients.pool.connect();
    try {
      await earlier.query('BEGIN');
      await appendEvent(earlier, { ...approveEvent('approval_db', inputSetId, 'bob'), userId: bob });
      await earlier.query('COMMIT');
    } finally {
      earlier.release();
    }
    expect(await approveAsApp(inputSetId, null)).toMatchObject({
      constraint: 'planning_input_sets_ready_needs_approval',
    });
  });

  it('refuses to insert a revision that is ready from the start', async () => {
    await inRolledBackTransaction(owner, async () => {
      const failure = await failureOf(
        owner,
        "INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by) VALUES ('approval_db', 99, 'ready', 'x', '', '{}', 'x')",
      );
      expect(failure).toMatchObject({ constraint: 'planning_input_sets_ready_needs_approval' });
    });
  });

  it('under the four-eyes policy refuses the uploader and the local operator, by user id, and lets another user approve', async () => {
    const inputSetId = await draftIdOf('approval_db');
    await setFourEyes(true);
    try {
      expect(await approveAsApp(inputSetId, alice)).toMatchObject({
        constraint: 'planning_input_sets_four_eyes',
        message:
          'four-eyes policy: the user who uploaded the current content of approval_db@r1 cannot also approve it',
      });
      expect(await approveAsApp(inputSetId, localOperator)).toMatchObject({
        constraint: 'planning_input_sets_four_eyes',
        message:
          'four-eyes policy: approval_db@r1 must be approved by a signed-in user, not a local operator',
      });
      expect(await approveAsApp(inputSetId, bob)).toBeNull();
    } finally {
      await setFourEyes(false);
    }
  });

  it('looks at the latest upload: after bob overwrites the draft, bob is refused and alice may approve', async () => {
    await importDraft(clients.pool, 'approval_db', { principal: 'bob', userId: bob, versionId: 'B' });
    const inputSetId = await draftIdOf('approval_db');
    await setFourEyes(true);
    try {
      expect(await approveAsApp(inputSetId, bob)).toMatchObject({
        constraint: 'planning_input_sets_four_eyes',
      });
      expect(await approveAsApp(inputSetId, alice)).toBeNull();
    } finally {
      await setFourEyes(false);
    }
  });

  it('keeps the policy out of reach of the application role', async () => {
    await inRolledBackTransaction(owner, async () => {
      await owner.query('SET LOCAL ROLE planning_hub_app');
      expect(await failureOf(owner, 'SELECT four_eyes FROM planning_hub_policy')).toBeNull();
      expect(await failureOf(owner, 'UPDATE planning_hub_policy SET four_eyes = false')).toMatchObject({
        code: '42501',
      });
    });
  });
});
