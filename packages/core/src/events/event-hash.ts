import { createHash } from 'node:crypto';
import { canonicalJson } from '../json/canonical-json';

/** The first event of a label links to this instead of a predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export type TChainedEventFields = {
  label: string;
  inputSetId: number | null;
  revision: number | null;
  action: string;
  actor: string;
  principal: string;
  comment: string | null;
  metadata: unknown;
  /** UTC, millisecond precision, ISO 8601. */
  createdAt: string;
};

/**
 * hash = sha256(prev_hash + "\n" + canonical JSON of the event) (DESIGN.md section 5):
 * altering, removing or reordering any event breaks every later link.
 */
export function computeEventHash(prevHash: string, event: TChainedEventFields): string {
  const body = canonicalJson({
    label: event.label,
    input_set_id: event.inputSetId,
    revision: event.revision,
    action: event.action,
    actor: event.actor,
    principal: event.principal,
    comment: event.comment,
    metadata: event.metadata ?? {},
    created_at: event.createdAt,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export type TChainLink = TChainedEventFields & { id: string; prevHash: string; hash: string };

export type TChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: string; reason: string };

/** Walks a label's events oldest first and reports the first broken link. */
export function verifyEventChain(events: readonly TChainLink[]): TChainVerdict {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) {
      return {
        ok: false,
        checked,
        brokenAt: event.id,
        reason: `event ${event.id} links to ${event.prevHash.slice(0, 12)}… but the previous event's hash is ${expectedPrev.slice(0, 12)}… (an event was removed or reordered)`,
      };
    }
    const recomputed = computeEventHash(event.prevHash, event);
    if (recomputed !== event.hash) {
      return {
        ok: false,
        checked,
        brokenAt: event.id,
        reason: `event ${event.id} does not match its hash (its content was altered)`,
      };
    }
    expectedPrev = event.hash;
    checked += 1;
  }
  return { ok: true, checked };
}
