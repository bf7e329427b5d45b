import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DIFF_KINDS } from '@planning-hub/contracts/api/diff';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { PROBLEM_CODES, type TProblemCode } from '@planning-hub/contracts/problems';
import { formatCount } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { DiffKindHeaders } from '../../../components/ui/diff-kind-headers';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';
import { TableScroll } from '../../../components/ui/table-scroll';
import type { TApprovalImpact } from '../approval-summary';

type TApprovalImpactProps = {
  inputSet: TInputSetDetail;
  impact: TApprovalImpact;
  /** The Diff tab of this draft, where the rows themselves are. */
  diffHref: string;
  /** Shown right after the validation summary: the approval gates' findings (docs/design.md section 11). */
  checks?: ReactNode;
};

/** Errors first, then warnings; within each, the most frequent first. */
function problemCodes(byCode: Record<string, number>): [string, number][] {
  const severity = (code: string) => (PROBLEM_CODES[code as TProblemCode] === 'error' ? 0 : 1);
  return Object.entries(byCode)
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => severity(a) - severity(b) || countB - countA || a.localeCompare(b));
}

/** Next to Approve: the validation summary and what approving changes, table by table. */
export function ApprovalImpact({ inputSet, impact, diffHref, checks }: TApprovalImpactProps) {
  const t = useT();
  const codes = problemCodes(inputSet.problemSummary.byCode);
  return (
    <section className="card stack approval-impact" aria-labelledby="approval-impact-title">
      <h2 id="approval-impact-title">{t('review.impact.title')}</h2>

      <section className="stack-s" aria-labelledby="approval-validation-title">
        <h3 id="approval-validation-title">{t('review.impact.validation')}</h3>
        <p className="problem-summary">
          <ProblemCountChip severity="error" count={inputSet.errorCount} />
          <ProblemCountChip severity="warning" count={inputSet.warningCount} />
        </p>
        {codes.length > 0 ? (
          <ul className="counts-inline" aria-label={t('review.impact.byCode')}>
            {codes.map(([code, count]) => (
              <li key={code}>
                <span className="mono">{code}</span> <span className="num muted">{formatCount(count)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('review.impact.noProblems')}</p>
        )}
      </section>

      {checks}

      <section className="stack-s" aria-labelledby="approval-changes-title">
        <h3 id="approval-changes-title">{t('review.impact.changes')}</h3>
        <ImpactBody impact={impact} label={inputSet.label} />
        {impact.kind !== 'first' ? (
          <p>
            <Link to={diffHref}>{t('review.impact.openDiff')}</Link>
          </p>
        ) : null}
      </section>
    </section>
  );
}

function ImpactBody({ impact, label }: { impact: TApprovalImpact; label: string }) {
  const t = useT();
  switch (impact.kind) {
    case 'first':
      return <p>{t('review.impact.first', { label })}</p>;
    case 'loading':
    case 'comparing':
      // Plain words while the background job runs: how long it takes is not known.
      return (
        <p className="muted" role="status">
          {t('review.impact.comparing')}
        </p>
      );
    case 'failed':
      return (
        <p className="alert alert--warning" role="status">
          {t('review.impact.failed')}
        </p>
      );
    case 'done':
      return <ImpactTable impact={impact} />;
  }
}

function ImpactTable({ impact }: { impact: Extract<TApprovalImpact, { kind: 'done' }> }) {
  const t = useT();
  return (
    <>
      <p className="muted">
        {t('review.impact.against', { ref: impact.againstRef, revision: `r${impact.againstRevision}` })}
      </p>
      {impact.identical ? (
        <p>{t('review.impact.identical', { ref: impact.againstRef })}</p>
      ) : (
        <TableScroll label={t('review.impact.caption')} className="table-scroll--fit">
          <table className="table table--compact table--impact">
            <caption className="visually-hidden">{t('review.impact.caption')}</caption>
            <thead>
              <tr>
                <DiffKindHeaders />
              </tr>
            </thead>
            <tbody>
              {impact.tables.map((entry) => (
                <tr
                  key={entry.table}
                  className={entry.added + entry.removed + entry.changed > 0 ? undefined : 'row--quiet'}
                >
                  <th scope="row" className="mono">
                    {entry.table}
                  </th>
                  {DIFF_KINDS.map((kind) => (
                    <td key={kind} className="num">
                      {formatCount(entry[kind])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('rowCounts.total')}</th>
                {DIFF_KINDS.map((kind) => (
                  <td key={kind} className="num">
                    {formatCount(impact.totals[kind])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </>
  );
}
