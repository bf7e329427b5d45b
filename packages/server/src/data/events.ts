import type pg from 'pg';
import type { TEventAction } from '@planning-hub/contracts/api/events';

/**
 * Reads and writes of the audit events in planning_input_set_events (CONTRIBUTING.md,
 * "Raw SQL or Prisma"): raw `pg`, because events are appended inside the transactions
 * of the pg services that change revisions, and the audit key travels with that
 * connection. Every function takes the client it runs on, a pool for a read or the
 * transaction's connection. The rules (the hash chain, who may backfill) are in
 * services/events.
 */
type TQueryClient = Pick<pg.ClientBase, 'query'>;

/** One event to append, as a service describes it (appendEvent adds its place in the chain). */
export type TNewEvent = {
  label: string;
  inputSetId: number | null;
  revision: number | null;
  action: TEventAction;
  /** Who the event names (the reviewer id typed in the form, the uploader). */
  actor: string;
  /** The authenticated user that made the request: a username or `local:<OS user>`. */
  principal: string;
  /** That user's id (users.id), kept beside the hashed principal; null for seeds and scripts. */
  userId: number | null;
  comment: string | null;
  metadata: Record<string, unknown>;
};

/** The columns of planning_input_set_events, as node-postgres returns them. */
export type TEventRow = Pick<
  TNewEvent,
  'label' | 'revision' | 'action' | 'actor' | 'principal' | 'comment'
> & {
  id: string;
  input_set_id: number | null;
  metadata: Record<string, unknown> | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
};

/**
 * What TEventRow reads (event-columns.test.ts keeps it equal to the Prisma model, but for
 * user_id, which no answer shows and the hash does not cover).
 * Careful: `id` is cast to text here; ORDER BY the qualified column (planning_input_set_events.id).
 */
export const EVENT_COLUMNS =
  'id::text AS id, input_set_id, label, revision, action::text AS action, actor, principal, comment, metadata, created_at, prev_hash, hash';

/** One event to append, its hash already computed over the previous one. */
export type TEventInsert = TNewEvent & {
  /** ISO 8601, exactly as it was hashed. */
  createdAt: string;
  prevHash: string;
  hash: string;
};

/**
 * The columns an append writes and where each value comes from; `id` and `xact_id` are
 * the database's (event-columns.test.ts keeps the list equal to the Prisma model).
 */
export const EVENT_INSERT_COLUMNS: ReadonlyArray<readonly [string, (event: TEventInsert) => unknown]> = [
  ['input_set_id', (e) => e.inputSetId],
  ['label', (e) => e.label],
  ['revision', (e) => e.revision],
  ['action', (e) => e.action],
  ['actor', (e) => e.actor],
  ['principal', (e) => e.principal],
  ['comment', (e) => e.comment],
  ['metadata', (e) => JSON.stringify(e.metadata)],
  ['created_at', (e) => e.createdAt],
  ['prev_hash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
  ['user_id', (e) => e.userId],
];

const INSERT_EVENT_SQL = `INSERT INTO planning_input_set_events (${EVENT_INSERT_COLUMNS.map(([column]) => column).join(', ')})
  VALUES (${EVENT_INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;

/** The hash of the label's newest event, the link the next one chains to; null while it has none. */
export async function findChainTail(client: TQueryClient, label: string): Promise<string | null> {
  const { rows } = await client.query<{ hash: string }>(
    'SELECT hash FROM planning_input_set_events WHERE label = $1 ORDER BY id DESC LIMIT 1',
    [label],
  );
  return rows[0]?.hash ?? null;
}

/** Appends one row; its id (bigint, as text). */
export async function insertEvent(client: TQueryClient, event: TEventInsert): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    INSERT_EVENT_SQL,
    EVENT_INSERT_COLUMNS.map(([, valueOf]) => valueOf(event)),
  );
  return rows[0]!.id;
}

export async function findEventById(client: TQueryClient, id: string): Promise<TEventRow | null> {
  const { rows } = await client.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * The label's whole chain, oldest first. One statement reads one snapshot: a concurrent
 * append cannot look like a gap.
 */
export async function readEventChain(client: TQueryClient, label: string): Promise<TEventRow[]> {
  const { rows } = await client.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events WHERE label = $1 ORDER BY planning_input_set_events.id`,
    [label],
  );
  return rows;
}

/** How many events name the revision `inputSetId`. */
export async function countRevisionEvents(client: TQueryClient, inputSetId: number): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM planning_input_set_events WHERE input_set_id = $1',
    [inputSetId],
  );
  return rows[0]?.n ?? 0;
}

/** Whether the label has revisions or events. */
export async function isLabelKnown(client: TQueryClient, label: string): Promise<boolean> {
  const { rows } = await client.query<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM planning_input_sets WHERE label = $1)
         OR EXISTS (SELECT 1 FROM planning_input_set_events WHERE label = $1) AS known`,
    [label],
  );
  return rows[0]?.known ?? false;
}

/** The label's newest event (id as text, hash) and the number of its events; null while it has none. */
export async function findChainHead(
  client: TQueryClient,
  label: string,
): Promise<{ id: string; hash: string; count: number } | null> {
  const { rows } = await client.query<{ id: string; hash: string; count: number }>(
    `SELECT id::text AS id, hash, (SELECT count(*)::int FROM planning_input_set_events WHERE label = $1) AS count
       FROM planning_input_set_events WHERE label = $1 ORDER BY planning_input_set_events.id DESC LIMIT 1`,
    [label],
  );
  return rows[0] ?? null;
}

/** Up to `limit` of the label's events older than `beforeId` (all when null), newest first. */
export async function readEventsPage(
  client: TQueryClient,
  { label, beforeId, limit }: { label: string; beforeId: string | null; limit: number },
): Promise<TEventRow[]> {
  const { rows } = await client.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events
      WHERE label = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
      ORDER BY planning_input_set_events.id DESC LIMIT $3`,
    [label, beforeId, limit],
  );
  return rows;
}

/** The user of the latest upload into this revision: who put the current content there. */
export async function findLatestUploaderId(client: TQueryClient, inputSetId: number): Promise<number | null> {
  const { rows } = await client.query<{ user_id: number | null }>(
    "SELECT user_id FROM planning_input_set_events WHERE input_set_id = $1 AND action = 'upload' ORDER BY id DESC LIMIT 1",
    [inputSetId],
  );
  return rows[0]?.user_id ?? null;
}
