import type { TEventAction, TInputSetEvent } from '@planning-hub/contracts/api/events';
import type { TChainLink } from '@planning-hub/core/events/event-hash';
import { formatJst } from '@planning-hub/contracts/time/format-jst';

/** The columns of planning_input_set_events, as node-postgres returns them. */
export type TEventRow = {
  id: string;
  input_set_id: number | null;
  label: string;
  revision: number | null;
  action: TEventAction;
  actor: string;
  principal: string;
  comment: string | null;
  metadata: Record<string, unknown> | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
};

/** Careful: `id` is cast to text here; ORDER BY the qualified column (planning_input_set_events.id). */
export const EVENT_COLUMNS =
  'id::text AS id, input_set_id, label, revision, action::text AS action, actor, principal, comment, metadata, created_at, prev_hash, hash';

/** The event as the API, the CLI and events.json show it (contracts/api/events.ts). */
export function toEventJson(row: TEventRow): TInputSetEvent {
  return {
    id: row.id,
    label: row.label,
    revision: row.revision,
    inputSetId: row.input_set_id,
    action: row.action,
    actor: row.actor,
    principal: row.principal,
    comment: row.comment,
    metadata: row.metadata ?? {},
    createdAt: row.created_at.toISOString(),
    createdAtJst: formatJst(row.created_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The fields the hash chain covers, exactly as appendEvent hashed them. */
export function toChainLink(row: TEventRow): TChainLink {
  return {
    id: row.id,
    label: row.label,
    inputSetId: row.input_set_id,
    revision: row.revision,
    action: row.action,
    actor: row.actor,
    principal: row.principal,
    comment: row.comment,
    metadata: row.metadata ?? {},
    createdAt: row.created_at.toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
