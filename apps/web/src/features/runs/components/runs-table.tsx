import { Link } from 'react-router';
import type { TRunSummary } from '@planning-hub/contracts/api/runs';
import { paths } from '../../../config/paths';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';
import { shortRunId } from '../run-id';
import { RunInput } from './run-input';
import { RunStatusBadge } from './run-status-badge';

/** Runs newest first: id (linked), plan, the input set used or its warning, status, when and who. */
export function RunsTable({
  runs,
  caption,
  showPlan = true,
}: {
  runs: readonly TRunSummary[];
  caption: string;
  showPlan?: boolean;
}) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <table className="table table--compact table--runs">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runs.col.run')}</th>
            {showPlan ? <th scope="col">{t('runs.col.plan')}</th> : null}
            <th scope="col">{t('runs.col.inputSet')}</th>
            <th scope="col">{t('runs.col.status')}</th>
            <th scope="col">{t('runs.col.started')}</th>
            <th scope="col">{t('runs.col.by')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link
                  to={paths.run.getHref(run.id)}
                  className="mono"
                  aria-label={t('runs.open', { id: shortRunId(run.id) })}
                >
                  {shortRunId(run.id)}
                </Link>
              </td>
              {showPlan ? <td>{run.planName ?? <span className="muted">—</span>}</td> : null}
              <td>
                <RunInput run={run} />
              </td>
              <td>
                <RunStatusBadge run={run} />
              </td>
              <td className="nowrap">
                <time dateTime={run.createdAt}>{formatJst(run.createdAt)}</time>
              </td>
              <td className="mono">{run.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
