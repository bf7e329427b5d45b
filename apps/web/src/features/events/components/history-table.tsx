import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import { useT, useTc } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';

/**
 * The runbook's columns (Action / Actor / Comment / JST) with the signed-in user first
 * (Principal), and the name the event records, the Reviewer ID of a review, beside it.
 */
export function HistoryTable({ events, label }: { events: readonly TInputSetEvent[]; label: string }) {
  const t = useT();
  const tc = useTc();
  return (
    <TableScroll label={t('history.caption', { label })} className="history-scroll">
      <table className="table table--history">
        <caption className="visually-hidden">{t('history.caption', { label })}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-action">
              {t('history.col.action')}
            </th>
            <th scope="col" className="col-principal">
              {t('history.col.principal')}
            </th>
            <th scope="col" className="col-actor">
              {t('history.col.actor')}
            </th>
            <th scope="col" className="col-comment">
              {t('history.col.comment')}
            </th>
            <th scope="col" className="col-jst">
              {t('history.col.jst')}
            </th>
            <th scope="col" className="col-rev num">
              {t('history.col.revision')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="col-action">
                <span className={`action-chip action-chip--${event.action}`}>{event.action}</span>
                {browserEditCount(event) > 0 ? (
                  <p className="field-hint">{tc('history.browserEdits', browserEditCount(event))}</p>
                ) : null}
              </td>
              <td className="col-principal mono">{event.principal}</td>
              <td className="col-actor mono">{event.actor}</td>
              <td className="col-comment">
                {event.comment ? (
                  <span className="prewrap">{event.comment}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="col-jst num">
                <time dateTime={event.createdAt}>{event.createdAtJst}</time>
              </td>
              <td className="col-rev num">{event.revision === null ? '—' : `r${event.revision}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Cells the planner edited in the fix grid before this upload (metadata `browser_edits`, docs/design.md section 3). */
function browserEditCount(event: TInputSetEvent): number {
  const edits = event.metadata.browser_edits;
  return event.action === 'upload' && Array.isArray(edits) ? edits.length : 0;
}
