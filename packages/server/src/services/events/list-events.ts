import type pg from 'pg';
import { ZEventsQuery, type TEventsResponse } from '@planning-hub/contracts/api/events';
import { ZLabel } from '@planning-hub/contracts/labels';
import { AppError, hintOf } from '../../errors/app-error';
import { findChainHead, isLabelKnown, readEventsPage } from '../../data/events';
import { toEventJson } from './event-json';

type TQueryable = Pick<pg.Pool, 'query'>;

/** A label as typed in a URL or on the command line; events belong to a label, not to `foo@draft`. */
export function parseEventLabel(text: string): string {
  const parsed = ZLabel.safeParse(text);
  if (parsed.success) return parsed.data;
  const at = text.indexOf('@');
  throw new AppError(
    'bad_request',
    'error.events.not_a_label',
    { text: text.slice(0, 80) },
    {
      hint:
        at > 0
          ? hintOf('hint.events.use_label', { label: text.slice(0, Math.min(at, 63)) })
          : hintOf('hint.label.form', {}),
    },
  );
}

/**
 * 404 with the runbook's text when the label has neither revisions nor events.
 * A label with revisions but no events is not an error: that is the runbook's
 * "0 events" case (see backfillEvent).
 */
export async function assertLabelKnown(db: TQueryable, label: string): Promise<void> {
  if (!(await isLabelKnown(db, label))) {
    throw new AppError(
      'not_found',
      'error.input_set.not_found',
      { ref: label },
      { hint: hintOf('hint.input_set.check_label', {}) },
    );
  }
}

/**
 * What a page of the label's events depends on, read before the page: its newest event
 * and how many it has. Events are append-only (docs/design.md section 5), so a page read
 * after this is at least as new, and any new event changes it.
 */
export async function readEventsVersion(db: TQueryable, label: string): Promise<string> {
  const head = await findChainHead(db, parseEventLabel(label));
  return head ? `${head.id}:${head.count}` : 'none';
}

/**
 * The label's events newest first, across all its revisions, a page at a time, with the
 * chain's head (whatever the page) for the evidence folder and `events verify --head`.
 * `cursor` is the `nextCursor` of the previous page (the id of its last event).
 */
export async function listEvents({
  pool,
  label,
  limit,
  cursor,
}: {
  pool: TQueryable;
  label: string;
  limit?: number | undefined;
  cursor?: string | undefined;
}): Promise<TEventsResponse> {
  const checkedLabel = parseEventLabel(label);
  const query = ZEventsQuery.parse({ limit, cursor });
  await assertLabelKnown(pool, checkedLabel);
  const rows = await readEventsPage(pool, {
    label: checkedLabel,
    beforeId: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit).map(toEventJson);
  const head = await findChainHead(pool, checkedLabel);
  return { label: checkedLabel, events: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null, head };
}

/** Every event of the label, newest first (the evidence folder's events.json), read page by page. */
export async function listAllEvents({
  pool,
  label,
}: {
  pool: TQueryable;
  label: string;
}): Promise<TEventsResponse> {
  const first = await listEvents({ pool, label, limit: 1000 });
  const events = [...first.events];
  for (let cursor = first.nextCursor; cursor;) {
    const page = await listEvents({ pool, label, limit: 1000, cursor });
    events.push(...page.events);
    cursor = page.nextCursor;
  }
  return { label: first.label, events, nextCursor: null, head: first.head };
}
