import { useState } from 'react';
import { Link } from 'react-router';
import type { TChecksResponse } from '@planning-hub/contracts/api/policy';
import { formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../i18n/i18n-context';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';
import { findingDiffHref, sortFindings } from '../finding-link';

/** Shown at first; the rest one click away (a draft may carry up to 200 findings per check). */
const FIRST_SHOWN = 20;

type TCheckFindingsProps = {
  checks: TChecksResponse | undefined;
  isError: boolean;
  /** The Diff tab of this revision: each finding links to its rows there. */
  diffHref: string;
};

/**
 * The approval gates' findings (docs/design.md section 11), beside the validation summary:
 * errors block approval, warnings need the same acknowledgement as validation warnings.
 */
export function CheckFindings({ checks, isError, diffHref }: TCheckFindingsProps) {
  const { t, tc, language } = useI18n();
  const [isShowingAll, setIsShowingAll] = useState(false);
  let body;
  if (isError) body = <p className="alert alert--warning">{t('checks.error')}</p>;
  else if (!checks)
    body = (
      <p className="muted" role="status">
        {t('checks.loading')}
      </p>
    );
  else if (!checks.checked) body = <p className="muted">{t('checks.notChecked')}</p>;
  else {
    const findings = sortFindings(checks.findings);
    const shown = isShowingAll ? findings : findings.slice(0, FIRST_SHOWN);
    const hidden = checks.checks.reduce((sum, check) => sum + check.total - check.stored, 0);
    body = (
      <>
        <p className="problem-summary">
          <ProblemCountChip severity="error" count={checks.errors} />
          <ProblemCountChip severity="warning" count={checks.warnings} />
        </p>
        {checks.notice ? (
          <p>
            {formatMessageOf(language, checks.notice.messageCode, checks.notice.params) ??
              checks.notice.message}
          </p>
        ) : checks.comparedWith ? (
          <p className="muted">
            {t('checks.against', { ref: checks.comparedWith.ref, version: checks.policyVersion ?? 0 })}
          </p>
        ) : null}
        {findings.length === 0 ? (
          <p className="muted">{t('checks.none')}</p>
        ) : (
          <ul className="finding-list" aria-label={t('checks.listLabel')}>
            {shown.map((finding) => (
              <li key={finding.id} className={`finding finding--${finding.severity}`}>
                <span className={`count-chip count-chip--${finding.severity}`}>
                  {t(`checks.severity.${finding.severity}`)}
                </span>{' '}
                <span className="finding-check">{t(`checks.name.${finding.check}`)}</span>
                <p className="finding-message">
                  {formatMessageOf(language, finding.messageCode, finding.params) ?? finding.message}
                </p>
                {checks.comparedWith ? (
                  <Link to={findingDiffHref(diffHref, finding)} className="finding-link">
                    {t('checks.openRows')}
                    <span className="visually-hidden">
                      {' '}
                      ({finding.keyValues.join(' / ') || finding.table})
                    </span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {findings.length > shown.length ? (
          <p>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => setIsShowingAll(true)}
            >
              {tc('checks.showAll', findings.length)}
            </button>
          </p>
        ) : null}
        {hidden > 0 ? <p className="muted">{t('checks.notStored', { count: formatCount(hidden) })}</p> : null}
      </>
    );
  }
  return (
    <section className="stack-s" aria-labelledby="approval-checks-title" id="check-findings">
      <h3 id="approval-checks-title">{t('checks.title')}</h3>
      {body}
    </section>
  );
}
