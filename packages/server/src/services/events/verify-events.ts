import type pg from 'pg';
import type { TVerifyEventsQuery, TVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { verifyEventChain } from '@planning-hub/core/events/event-hash';
import { readEventChain } from '../../data/events';
import { auditKeyOf } from '../../database/pool-audit-key';
import { toChainLink, toEventJson } from './event-json';
import { assertLabelKnown, parseEventLabel } from './list-events';

/**
 * Walks the label's hash chain oldest first (`planning events verify`): an altered
 * comment, a deleted event or two reordered events break it at the first affected
 * link, and so does a chain recomputed without the audit key of the pool
 * (docs/decisions/0008). A chain cut after its last event cannot be told from a
 * shorter one, unless the caller recorded its head before (`head`, `headId`, `headCount`).
 */
export async function verifyEvents({
  pool,
  label,
  head,
  headId,
  headCount,
}: {
  pool: Pick<pg.Pool, 'query'>;
  label: string;
} & Partial<TVerifyEventsQuery>): Promise<TVerifyEventsResponse> {
  const checkedLabel = parseEventLabel(label);
  await assertLabelKnown(pool, checkedLabel);
  const rows = await readEventChain(pool, checkedLabel);
  const verdict = verifyEventChain(rows.map(toChainLink), {
    auditKey: auditKeyOf(pool),
    head: head === undefined ? undefined : { hash: head, id: headId, count: headCount },
  });
  const newest = rows.at(-1);
  const counts = {
    label: checkedLabel,
    checked: verdict.checked,
    keyed: verdict.keyed,
    unkeyed: verdict.unkeyed,
    head: newest ? { id: newest.id, hash: newest.hash, count: rows.length } : null,
  };
  if (verdict.ok) {
    return { ...counts, ok: true, brokenAt: null, reason: null, brokenEvent: null, removedFromEnd: null };
  }
  const broken = rows.find((r) => r.id === verdict.brokenAt);
  return {
    ...counts,
    ok: false,
    brokenAt: verdict.brokenAt,
    reason: verdict.reason,
    brokenEvent: broken ? toEventJson(broken) : null,
    removedFromEnd: verdict.removedFromEnd,
  };
}
