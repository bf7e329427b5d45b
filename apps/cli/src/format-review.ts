import type {
  TEventsResponse,
  TInputSetEvent,
  TVerifyEventsResponse,
} from '@planning-hub/contracts/api/events';
import type { TReviewResponse } from '@planning-hub/contracts/api/review';
import { cliText } from './cli-text';
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
  const unkeyed =
    verdict.unkeyed > 0 ? ` (${verdict.unkeyed} written before the audit key, checked as plain SHA-256)` : '';
  if (verdict.ok) return `OK: ${verdict.checked} events, chain intact${unkeyed}`;
  if (verdict.brokenAt === null) {
    return [
      `BROKEN: '${verdict.label}'`,
      `  ${verdict.reason}`,
      `  The ${verdict.checked} event(s) still there are intact.`,
    ].join('\n');
  }
  const e = verdict.brokenEvent;
  const where = e ? ` (${e.action} r${e.revision ?? '-'} at ${e.createdAtJst} by ${e.actor})` : '';
  return [
    `BROKEN: '${verdict.label}' event ${verdict.brokenAt}${where}`,
    `  ${verdict.reason}`,
    `  ${verdict.checked} event(s) before it are intact.`,
  ].join('\n');
}

const TRANSITION_LINES = {
  approved: 'cli.review.approved',
  reverted: 'cli.review.reverted',
  archived: 'cli.review.archived',
} as const;

/** One line per transition, then the events it wrote. */
export function formatTransition(done: keyof typeof TRANSITION_LINES, result: TReviewResponse): string {
  const lines = [
    cliText(TRANSITION_LINES[done], {
      label: result.label,
      revision: result.revision,
      status: result.status,
      ref: result.ref,
    }),
  ];
  if (result.approvedBy) {
    const approved = { user: result.approvedBy, time: String(result.approvedAt) };
    lines.push(
      result.reviewerId
        ? cliText('cli.review.approved_by_reviewer', { ...approved, reviewerId: result.reviewerId })
        : cliText('cli.review.approved_by', approved),
    );
  }
  if (result.reviewComment) lines.push(cliText('cli.review.comment', { comment: result.reviewComment }));
  if (result.previousReady) {
    lines.push(
      cliText('cli.review.superseded', {
        previous: result.previousReady.revision,
        revision: result.revision,
      }),
    );
  }
  for (const e of result.events) {
    lines.push(
      cliText('cli.review.event', {
        id: e.id,
        action: e.action,
        revision: String(e.revision),
        actor: e.actor,
        principal: e.principal,
        time: e.createdAtJst,
      }),
    );
  }
  return lines.join('\n');
}
