import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import type { TChainLink } from '@planning-hub/core/events/event-hash';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import type { TEventRow } from '../../data/events';

// list-events.ts and the audit-chain tamper test read rows through these names.
export { EVENT_COLUMNS, type TEventRow } from '../../data/events';

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

/** The fields the hash chain covers: the event's JSON but `createdAtJst` (canonical JSON, so order does not count). */
export function toChainLink(row: TEventRow): TChainLink {
  const { createdAtJst: _notHashed, ...link } = toEventJson(row);
  return link;
}
