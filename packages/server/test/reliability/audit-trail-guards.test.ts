import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClients } from '../../src/database/connect';
import { appendEvent, type TNewEvent } from '../../src/services/events/append-event';
import { importDraft } from '../support/seed-revisions';
import { createTestDatabase } from '../support/test-database';

/**
 * The database's own guards on the audit trail (migration app_role_and_four_eyes):
 * the application role's privileges, and the four-eyes trigger.
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

describe('the four-eyes trigger (planning_hub.four_eyes)', () => {
  /** With the policy on, in a rolled-back transaction: `refused`'s approval fails with `error`, `allowed`'s goes in. */
  async function expectFourEyes(
    inputSetId: number,
    { refused, allowed, error }: { refused: string; allowed: string; error: Record<string, unknown> },
  ): Promise<void> {
    const client = owner as unknown as pg.PoolClient;
    await inRolledBackTransaction(owner, async () => {
      await owner.query("SET LOCAL planning_hub.four_eyes = 'on'");
      await owner.query('SAVEPOINT attempt');
      await expect(appendEvent(client, approveEvent('four_eyes_db', inputSetId, refused))).rejects.toMatchObject(error);
      await owner.query('ROLLBACK TO SAVEPOINT attempt');
      await expect(appendEvent(client, approveEvent('four_eyes_db', inputSetId, allowed))).resolves.toBeDefined();
    });
  }

  it('refuses an approve event by whoever uploaded the current content, when the policy is on', async () => {
    await importDraft(clients.pool, 'four_eyes_db', { principal: 'alice' });
    const inputSetId = await draftIdOf('four_eyes_db');
    const client = owner as unknown as pg.PoolClient;
    await expectFourEyes(inputSetId, {
      refused: 'alice',
      allowed: 'bob',
      error: {
        code: '23514',
        constraint: 'planning_input_set_events_four_eyes',
        message:
          'four-eyes policy: alice uploaded the current content of four_eyes_db@r1 and cannot also approve it',
      },
    });
    // Off (the default): the trigger lets it through; the API's own check is what applies then.
    await inRolledBackTransaction(owner, async () => {
      await expect(
        appendEvent(client, approveEvent('four_eyes_db', inputSetId, 'alice')),
      ).resolves.toBeDefined();
    });
  });

  it('looks at the latest upload of the revision: after bob overwrites the draft, bob is refused and alice may approve', async () => {
    await importDraft(clients.pool, 'four_eyes_db', { principal: 'bob', versionId: 'B' });
    const inputSetId = await draftIdOf('four_eyes_db');
    await expectFourEyes(inputSetId, {
      refused: 'bob',
      allowed: 'alice',
      error: { constraint: 'planning_input_set_events_four_eyes' },
    });
  });

  it('is on for every connection of an app started with FOUR_EYES=true, and only then', async () => {
    const strict = createDatabaseClients(database.url, 1, { fourEyes: true });
    try {
      const setting = "SELECT current_setting('planning_hub.four_eyes', true) AS value";
      expect((await strict.pool.query(setting)).rows[0].value).toBe('on');
      expect((await strict.prisma.$queryRawUnsafe<{ value: string }[]>(setting))[0]!.value).toBe('on');
      expect((await clients.pool.query(setting)).rows[0].value ?? '').toBe('');
    } finally {
      await strict.close();
    }
  });
});
