import { useState } from 'react';
import type { TProblem } from '@planning-hub/contracts/problems';
import { groupProblemsByFile } from '../../lib/group-problems';
import { useI18n, useT } from '../../i18n/i18n-context';
import { translateProblem } from '../../i18n/problem-messages';
import { ProblemCountChip } from './problem-count-chip';
import { TableScroll } from './table-scroll';

const FIRST_PAGE = 100;
const MORE_PAGE = 500;

const SEVERITY_MARKS: Record<TProblem['severity'], string> = { error: '✕', warning: '!', notice: 'i' };

function SeverityBadge({ severity }: { severity: TProblem['severity'] }) {
  const t = useT();
  return (
    <span className={`severity severity--${severity}`}>
      <span aria-hidden="true">{SEVERITY_MARKS[severity]}</span>
      {t(`problems.${severity}`)}
    </span>
  );
}

/**
 * The message of a validation record in the reader's language, from its code and
 * parameters; a record without a known code shows its English message, marked as such.
 */
function ProblemMessage({ problem }: { problem: TProblem }) {
  const { language } = useI18n();
  return translateProblem(problem, language) ?? <span lang="en">{problem.message}</span>;
}

/**
 * One row per validation record. Long lists render in slices: thousands of rows
 * of one code are possible (the API caps at 1,000 per code).
 */
export function ProblemsTable({ problems, caption }: { problems: readonly TProblem[]; caption: string }) {
  const t = useT();
  const [shown, setShown] = useState(FIRST_PAGE);
  const visible = problems.slice(0, shown);
  return (
    <div className="stack-s">
      <TableScroll label={caption} className="table-scroll--limited">
        <table className="table table--problems">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('problems.severity')}</th>
              <th scope="col" className="num">
                {t('problems.row')}
              </th>
              <th scope="col">{t('problems.column')}</th>
              <th scope="col">{t('problems.value')}</th>
              <th scope="col">{t('problems.code')}</th>
              <th scope="col">{t('problems.message')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((problem, index) => (
              <tr key={index} className={`problem-row problem-row--${problem.severity}`}>
                <td>
                  <SeverityBadge severity={problem.severity} />
                </td>
                <td className="num">{problem.row ?? '—'}</td>
                <td className="mono cell-code">{problem.column ?? '—'}</td>
                <td className="mono cell-value">
                  {problem.value === null ? '—' : <code>{problem.value}</code>}
                </td>
                <td className="mono cell-code">{problem.code}</td>
                <td className="cell-message">
                  <ProblemMessage problem={problem} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {problems.length > shown ? (
        <div className="row">
          <span className="muted">
            {t('problems.showing', { shown: visible.length, total: problems.length })}
          </span>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => setShown(shown + MORE_PAGE)}
          >
            {t('problems.showMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

type THeadingLevel = 'h2' | 'h3' | 'h4';

/** Problems grouped by file, each group headed with its file and counts. */
export function ProblemsByFile({
  problems,
  headingLevel = 'h3',
}: {
  problems: readonly TProblem[];
  headingLevel?: THeadingLevel;
}) {
  const t = useT();
  const Heading = headingLevel;
  return (
    <div className="stack">
      {groupProblemsByFile(problems).map((group) => {
        const name = group.file ?? t('problems.bundle');
        return (
          <section key={group.file ?? ''} className="problem-group">
            <Heading className="problem-group-title">
              <span className="mono">{name}</span>
              <span className="problem-group-counts">
                {group.errorCount > 0 ? <ProblemCountChip severity="error" count={group.errorCount} /> : null}
                {group.warningCount > 0 ? (
                  <ProblemCountChip severity="warning" count={group.warningCount} />
                ) : null}
              </span>
            </Heading>
            <ProblemsTable problems={group.problems} caption={t('problems.captionFor', { file: name })} />
          </section>
        );
      })}
    </div>
  );
}
