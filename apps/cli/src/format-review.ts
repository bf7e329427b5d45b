import type { TEventsResponse, TInputSetEvent, TVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import { formatTable } from './format';

const COMMENT_WIDTH = 60;

function oneLine(text: string | null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > COMMENT_WIDTH ? `${flat.slice(0, COMMENT_WIDTH - 1)}…` : flat;
}

/** The History table as an operator reads it: time JST / action / actor / principal / revision / comment. */
export function formatEvents(page: TEventsResponse): string {
  if (page.events.length === 0) {
    return [
      `No events for '${page.label}'.`,
      'If the label has revisions, they were stored without events (runbook 4.3): record why with',
      `  planning events backfill --label <ref> --comment "<reason>"`,
    ].join('\n');
  }
  const rows = page.events.map((e: TInputSetEvent) => [
    e.createdAtJst,
    e.action,
    e.actor,
    e.principal,
    e.revision === null ? '' : `r${e.revision}`,
    oneLine(e.comment),
  ]);
  const table = formatTable(['TIME (JST)', 'ACTION', 'ACTOR', 'PRINCIPAL', 'REV', 'COMMENT'], rows);
  const more = page.nextCursor ? `\n(older events: --cursor ${page.nextCursor})` : '';
  return `${table}${more}`;
}

export function formatVerdict(verdict: TVerifyEventsResponse): string {
  const unkeyed = verdict.unkeyed > 0 ? ` (${verdict.unkeyed} written before the audit key, checked as plain SHA-256)` : '';
  if (verdict.ok) return `OK: ${verdict.checked} events, chain intact${unkeyed}`;
  if (verdict.brokenAt === null) {
    return [`BROKEN: '${verdict.label}'`, `  ${verdict.reason}`, `  The ${verdict.checked} event(s) still there are intact.`].join('\n');
  }
  const e = verdict.brokenEvent;
  const where = e ? ` (${e.action} r${e.revision ?? '-'} at ${e.createdAtJst} by ${e.actor})` : '';
  return [
    `BROKEN: '${verdict.label}' event ${verdict.brokenAt}${where}`,
    `  ${verdict.reason}`,
    `  ${verdict.checked} event(s) before it are intact.`,
  ].join('\n');
}

/** One line per transition, then the events it wrote. */
export function formatTransition(verb: string, result: TReviewResponse): string {
  const lines = [`✓ ${verb} '${result.label}' r${result.revision}: now ${result.status} (${result.ref})`];
  if (result.approvedBy) {
    const reviewer = result.reviewerId ? ` (Reviewer ID ${result.reviewerId})` : '';
    lines.push(`  approved by   ${result.approvedBy}${reviewer} at ${result.approvedAt}`);
  }
  if (result.reviewComment) lines.push(`  comment       ${result.reviewComment}`);
  if (result.previousReady) {
    lines.push(`  archived      r${result.previousReady.revision} (superseded by r${result.revision})`);
  }
  for (const e of result.events) lines.push(`  event ${e.id}  ${e.action} r${e.revision} by ${e.actor} (${e.principal}) ${e.createdAtJst}`);
  return lines.join('\n');
}
