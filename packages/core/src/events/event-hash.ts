import { createHash, createHmac } from 'node:crypto';
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
 * The audit key (AUDIT_HMAC_KEY), kept outside the database, and since when it is in use:
 * an event written at or after `keyedSince` must be keyed (docs/decisions/0008).
 */
export type TAuditKey = { key: string; keyedSince: string };

/**
 * hash = HMAC-SHA256(key, prev_hash + "\n" + canonical JSON of the event) (docs/design.md
 * section 5): altering, removing or reordering any event breaks every later link, and
 * without the key nobody can compute a link that verifies. Without a key: plain SHA-256,
 * as every event was hashed before the key (and as tests without one hash).
 */
export function computeEventHash(prevHash: string, event: TChainedEventFields, key?: string): string {
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
  const hasher = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  return hasher.update(`${prevHash}\n${body}`).digest('hex');
}

export type TChainLink = TChainedEventFields & { id: string; prevHash: string; hash: string };

/** The newest event of a label's chain as someone recorded it (events --json `head`, the evidence folder). */
export type TRecordedHead = { hash: string; id?: string | undefined; count?: number | undefined };

export type TChainCounts = {
  /** Links checked before the first broken one (all of them when ok). */
  checked: number;
  /** Of those, hashed with the audit key / with plain SHA-256 (written before the key). */
  keyed: number;
  unkeyed: number;
};

export type TChainVerdict =
  | ({ ok: true } & TChainCounts)
  | ({
      ok: false;
      /** The first event that breaks the chain; null when the chain is whole but a recorded head is missing. */
      brokenAt: string | null;
      reason: string;
      /** Events missing after the chain's newest one, when a recorded head with its count says so. */
      removedFromEnd: number | null;
    } & TChainCounts);

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Why one link is not what the chain needs; null when it is. Counts keyed and unkeyed links. */
function checkLink(event: TChainLink, counts: TChainCounts, auditKey: TAuditKey | undefined): string | null {
  if (auditKey && computeEventHash(event.prevHash, event, auditKey.key) === event.hash) {
    counts.keyed += 1;
    return null;
  }
  if (computeEventHash(event.prevHash, event) !== event.hash) {
    return auditKey
      ? `event ${event.id} does not match its hash (its content was altered)`
      : `event ${event.id} does not match its hash: its content was altered, or it is keyed and this server has no audit key (AUDIT_HMAC_KEY)`;
  }
  if (auditKey && counts.keyed > 0) {
    return `event ${event.id} is hashed without the audit key although earlier events of the label are keyed: the chain from here was recomputed by someone without the audit key`;
  }
  if (auditKey && event.createdAt >= auditKey.keyedSince) {
    return `event ${event.id} is dated ${event.createdAt}, after the audit key came into use (${auditKey.keyedSince}), but is hashed without the audit key: it was rewritten or recomputed by someone without the audit key`;
  }
  counts.unkeyed += 1;
  return null;
}

/** Why the head recorded earlier is not in this chain; null when it is. */
function checkRecordedHead(
  events: readonly TChainLink[],
  head: TRecordedHead,
): { reason: string; removedFromEnd: number | null } | null {
  if (events.some((e) => e.hash === head.hash)) return null;
  const newest = events.at(-1);
  const recorded =
    head.id === undefined
      ? `the head recorded earlier (${short(head.hash)})`
      : `the head recorded earlier, event ${head.id} (${short(head.hash)})`;
  if (head.id !== undefined && (!newest || BigInt(newest.id) < BigInt(head.id))) {
    const removed = head.count === undefined ? null : Math.max(head.count - events.length, 1);
    const howMany = removed === null ? 'events were' : `${removed} event(s) were`;
    return {
      reason: `${recorded} is not in the chain, which now ends ${newest ? `at event ${newest.id}` : 'empty'} (${events.length} events): ${howMany} removed from the end`,
      removedFromEnd: removed,
    };
  }
  return { reason: `${recorded} is not in the chain: it was removed or rewritten`, removedFromEnd: null };
}

/**
 * Walks a label's events oldest first and reports the first broken link. With the audit
 * key, unkeyed links pass only before the label's first keyed one and when dated before
 * the key came into use; with a recorded head, that event must still be in the chain
 * (a cut tail cannot be told from a shorter chain otherwise).
 */
export function verifyEventChain(
  events: readonly TChainLink[],
  { auditKey, head }: { auditKey?: TAuditKey | undefined; head?: TRecordedHead | undefined } = {},
): TChainVerdict {
  let expectedPrev = GENESIS_HASH;
  const counts: TChainCounts = { checked: 0, keyed: 0, unkeyed: 0 };
  for (const event of events) {
    const reason =
      event.prevHash !== expectedPrev
        ? `event ${event.id} links to ${short(event.prevHash)} but the previous event's hash is ${short(expectedPrev)} (an event was removed or reordered)`
        : checkLink(event, counts, auditKey);
    if (reason) return { ok: false, ...counts, brokenAt: event.id, reason, removedFromEnd: null };
    expectedPrev = event.hash;
    counts.checked += 1;
  }
  const missingHead = head ? checkRecordedHead(events, head) : null;
  if (missingHead) return { ok: false, ...counts, brokenAt: null, ...missingHead };
  return { ok: true, ...counts };
}
