import { GENESIS_HASH, computeEventHash } from '@planning-hub/core/events/event-hash';
import { findChainTail, insertEvent, type TNewEvent } from '../../data/events';
import { auditKeyOf } from '../../database/pool-audit-key';
import type { TSqlClient } from '../../database/transaction';

// The event's type, for callers of appendEvent (it is defined beside the insert it feeds).
export type { TNewEvent };

/**
 * Appends one event to the label's hash chain (HMAC-SHA256 with the audit key), inside the caller's transaction
 * (the caller holds the label lock, so the chain cannot fork; the unique index
 * on (label, prev_hash) would refuse a fork anyway).
 */
export async function appendEvent(
  client: TSqlClient,
  event: TNewEvent,
): Promise<{ id: string; hash: string }> {
  const prevHash = (await findChainTail(client, event.label)) ?? GENESIS_HASH;
  const createdAt = new Date().toISOString();
  // Keyed with the audit key of the connection's pool (AUDIT_HMAC_KEY): docs/decisions/0008.
  const hash = computeEventHash(prevHash, { ...event, createdAt }, auditKeyOf(client)?.key);
  const id = await insertEvent(client, { ...event, createdAt, prevHash, hash });
  return { id, hash };
}
