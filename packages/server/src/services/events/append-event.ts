import type { TEventAction } from '@planning-hub/contracts/api/events';
import { GENESIS_HASH, computeEventHash } from '@planning-hub/core/events/event-hash';
import { findChainTail, insertEvent } from '../../data/events';
import { auditKeyOf } from '../../database/pool-audit-key';
import type { TSqlClient } from '../../database/transaction';

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
