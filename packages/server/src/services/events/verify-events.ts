import type pg from 'pg';
import type { TVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { verifyEventChain } from '@planning-hub/core/events/event-hash';
import { EVENT_COLUMNS, toChainLink, toEventJson, type TEventRow } from './event-json';
import { assertLabelKnown, parseEventLabel } from './list-events';

/**
 * Walks the label's hash chain oldest first (`planning events verify`): an altered
 * comment, a deleted event or two reordered events break it at the first affected
 * link (a chain cut after its last event cannot be told from a shorter one).
 */
export async function verifyEvents({ pool, label }: { pool: Pick<pg.Pool, 'query'>; label: string }): Promise<TVerifyEventsResponse> {
  const checkedLabel = parseEventLabel(label);
  await assertLabelKnown(pool, checkedLabel);
  // One statement reads one snapshot: a concurrent append cannot look like a gap.
  const { rows } = await pool.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events WHERE label = $1 ORDER BY planning_input_set_events.id`,
    [checkedLabel],
  );
  const verdict = verifyEventChain(rows.map(toChainLink));
  if (verdict.ok) {
    return { label: checkedLabel, ok: true, checked: verdict.checked, brokenAt: null, reason: null, brokenEvent: null };
  }
  const broken = rows.find((r) => r.id === verdict.brokenAt);
  return {
    label: checkedLabel,
    ok: false,
    checked: verdict.checked,
    brokenAt: verdict.brokenAt,
    reason: verdict.reason,
    brokenEvent: broken ? toEventJson(broken) : null,
  };
}
