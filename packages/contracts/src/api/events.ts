import { z } from 'zod';
import { multiLineText } from '../free-text';

/** docs/design.md section 5: every action the audit trail records. */
export const EVENT_ACTIONS = [
  'upload',
  'approve',
  'revert',
  'archive',
  'export',
  'backfill',
  'policy_update',
] as const;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type TEventAction = z.infer<typeof ZEventAction>;

/** PostgreSQL's bigint ends here; a longer cursor would overflow `::bigint`. */
const MAX_BIGINT = 9223372036854775807n;

const ZEventId = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/)
  // zod runs this check even after the pattern failed: only digits reach BigInt.
  .refine(
    (id) => !/^[0-9]+$/.test(id) || BigInt(id) <= MAX_BIGINT,
    'An event id is at most 9223372036854775807.',
  );
const ZHash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One row of `planning_input_set_events`, as the API, the CLI (`--json`) and the
 * evidence folder's events.json show it. The hash covers every field but `id`
 * and `createdAtJst` (packages/core/src/events/event-hash.ts).
 */
export const ZInputSetEvent = z.object({
  id: ZEventId,
  label: z.string(),
  revision: z.number().int().nullable(),
  inputSetId: z.number().int().nullable(),
  action: ZEventAction,
  /** Who the event names: the reviewer id typed in the form, the uploader. */
  actor: z.string(),
  /** The authenticated user (or `cli:<os user>`) that made the change. */
  principal: z.string(),
  comment: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /** UTC, ISO 8601 with milliseconds. */
  createdAt: z.iso.datetime(),
  /** The same instant as operators read it: `2026-11-25 15:04:05 JST`. */
  createdAtJst: z.string(),
  prevHash: ZHash,
  hash: ZHash,
});
export type TInputSetEvent = z.infer<typeof ZInputSetEvent>;

/** GET /api/plans/input_sets/{label}/events?limit=100&cursor= */
export const ZEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** `nextCursor` of the previous page; opaque to clients. */
  cursor: ZEventId.optional(),
});
export type TEventsQuery = z.infer<typeof ZEventsQuery>;

/**
 * The newest event of a label's chain and how many events the chain has. Kept with the
 * evidence (events.json), it lets `planning events verify --head` tell later whether
 * events were removed from the end, which the chain alone cannot show.
 */
export const ZChainHead = z.object({
  id: ZEventId,
  hash: ZHash,
  count: z.number().int().min(1),
});
export type TChainHead = z.infer<typeof ZChainHead>;

/** Newest first, across every revision of the label. This is what an auditor keeps as events.json. */
export const ZEventsResponse = z.object({
  label: z.string(),
  events: z.array(ZInputSetEvent),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: ZEventId.nullable(),
  /**
   * The label's chain head when this was answered, whatever the page; null while it has no
   * events. Absent (read as null) from servers, and events.json files, older than the keyed chain.
   */
  head: ZChainHead.nullable().default(null),
});
export type TEventsResponse = z.infer<typeof ZEventsResponse>;

/**
 * GET /api/plans/input_sets/{label}/events/verify?head=<hash>&headId=<id>&headCount=<n>:
 * the head recorded earlier (events --json, the evidence folder's events.json) must still
 * be in the chain; with its id and count, events removed from the end are counted.
 */
export const ZVerifyEventsQuery = z.object({
  head: ZHash.optional(),
  headId: ZEventId.optional(),
  headCount: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type TVerifyEventsQuery = z.infer<typeof ZVerifyEventsQuery>;

/** GET /api/plans/input_sets/{label}/events/verify: the hash chain walked oldest first. */
export const ZVerifyEventsResponse = z.object({
  label: z.string(),
  ok: z.boolean(),
  /** Events whose link and hash were checked before the first broken one (all of them when ok). */
  checked: z.number().int(),
  /** Of those, hashed with the audit key (AUDIT_HMAC_KEY) and with plain SHA-256 (written before the key existed). */
  keyed: z.number().int(),
  unkeyed: z.number().int(),
  /** The first event that breaks the chain, and why; null when ok, or when only a recorded head is missing. */
  brokenAt: ZEventId.nullable(),
  reason: z.string().nullable(),
  brokenEvent: ZInputSetEvent.nullable(),
  /** With a recorded head and its count: how many events are missing after the chain's newest one. */
  removedFromEnd: z.number().int().nullable(),
  /** The chain's head as read now (null: no events). */
  head: ZChainHead.nullable(),
});
export type TVerifyEventsResponse = z.infer<typeof ZVerifyEventsResponse>;

/** POST /api/plans/input_sets/{ref}/events/backfill: the runbook's "0 events" case. */
export const ZBackfillEventRequest = z.object({
  /** Why the events are missing (e.g. "imported with event logging disabled, JIRA-77"). */
  comment: multiLineText('A comment', 2000).min(1, 'A comment is required.'),
});
export type TBackfillEventRequest = z.infer<typeof ZBackfillEventRequest>;
