import type { Ref } from 'react';
import { Link } from 'react-router';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { paths } from '../../../config/paths';
import { countProblems } from '../../../lib/group-problems';
import { formatCount } from '../../../lib/format';
import { useT, useTc } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { ProblemsByFile } from '../../../components/ui/problems-table';
import { RowCountsTable } from '../../../components/ui/row-counts';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';
import { AnnotatedDownload, hasMarkableProblems } from './annotated-download';
import { KeptRowsList } from './kept-rows-list';
import { ALLOW_INVALID_ID } from '../upload-fields';

type THeadingRef = { headingRef: Ref<HTMLHeadingElement> };
/** The files of the upload, for the download with problems marked; null when not at hand. */
type TUploadedFiles = { files: readonly File[] | null };

type TUploadStoredProps = {
  report: TImportReport;
  /** Whether the label has a ready revision to compare the draft with; null while unknown. */
  hasReady: boolean | null;
} & THeadingRef &
  TUploadedFiles;

/** 201: the bundle is stored as a draft (or, with allow_invalid, a draft marked invalid). */
export function UploadStored({ report, headingRef, hasReady, files }: TUploadStoredProps) {
  const t = useT();
  const ref = report.ref ?? `${report.label}@draft`;
  const draftRef = `${report.label}@draft`;
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const notices = report.problems.filter((problem) => problem.severity === 'notice');
  const isClean = report.ok && errors.length === 0;
  const encodings = Object.entries(report.encodings);

  return (
    <section
      className={`card stack result ${isClean ? 'result--success' : 'result--warning'}`}
      aria-labelledby="upload-result-title"
    >
      <h2 id="upload-result-title" ref={headingRef} tabIndex={-1}>
        {isClean ? t('upload.result.stored') : t('upload.result.storedInvalid')}
      </h2>
      <dl className="detail-facts">
        <div>
          <dt>{t('detail.label')}</dt>
          <dd className="mono">{report.label}</dd>
        </div>
        <div>
          <dt>{t('detail.ref')}</dt>
          <dd className="ref-line">
            <code className="ref">{ref}</code>
            <CopyButton text={ref} />
          </dd>
        </div>
        <div>
          <dt>{t('detail.revision')}</dt>
          <dd className="num">{report.revision === null ? '—' : `r${report.revision}`}</dd>
        </div>
        <div>
          <dt>{t('detail.status')}</dt>
          <dd>{report.status ? <StatusBadge status={report.status} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('detail.versionId')}</dt>
          <dd className="mono">{report.versionId}</dd>
        </div>
      </dl>
      <dl className="kv">
        <dt>{t('detail.contentHash')}</dt>
        <dd>
          <code className="hash">{report.contentHash ?? '—'}</code>
        </dd>
        {report.previousContentHash ? (
          <>
            <dt>{t('upload.result.previousHash')}</dt>
            <dd>
              <code className="hash">{report.previousContentHash}</code>
              <p className="field-hint">{t('upload.result.replacedDraft')}</p>
            </dd>
          </>
        ) : null}
        {encodings.length > 0 ? (
          <>
            <dt>{t('upload.result.encodings')}</dt>
            <dd>
              <ul className="plain-list">
                {encodings.map(([file, encoding]) => (
                  <li key={file}>
                    <span className="mono">{file}</span>: <span className="mono">{encoding}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('upload.result.duration')}</dt>
        <dd className="num">
          {t('upload.result.durationValue', { ms: formatCount(Math.round(report.durationMs)) })}
        </dd>
      </dl>
      <nav className="next-steps" aria-label={t('upload.next.label')}>
        {hasReady ? (
          <Link to={paths.inputSetDiff.getHref(draftRef)} className="btn btn--primary">
            {t('upload.next.diff')}
          </Link>
        ) : null}
        <Link
          to={paths.inputSetReview.getHref(draftRef)}
          className={`btn ${hasReady ? 'btn--secondary' : 'btn--primary'}`}
        >
          {t('upload.next.review')}
        </Link>
        <Link to={paths.inputSet.getHref(ref)} className="btn btn--secondary">
          {t('upload.result.open', { ref })}
        </Link>
      </nav>
      {hasReady === false ? (
        <p className="muted">{t('upload.next.firstRevision', { label: report.label })}</p>
      ) : null}
      {!isClean ? <KeptRowsList report={report} /> : null}
      <section className="stack-s" aria-labelledby="upload-result-counts">
        <h3 id="upload-result-counts">{t('overview.rowCounts')}</h3>
        <RowCountsTable counts={report.rowCounts} caption={t('overview.rowCountsCaption')} />
      </section>
      {report.problems.length > 0 ? (
        <section className="stack-s" aria-labelledby="upload-result-problems">
          <h3 id="upload-result-problems">
            {errors.length > 0
              ? t('upload.result.problemsTitle')
              : warnings.length > 0
                ? t('upload.result.warningsTitle')
                : t('upload.result.noticesTitle')}
          </h3>
          <ProblemCounts
            errors={report.problemSummary.errors}
            warnings={report.problemSummary.warnings}
            truncated={report.problemSummary.truncated}
          />
          {files && hasMarkableProblems(report) ? <AnnotatedDownload files={files} report={report} /> : null}
          <ProblemsByFile
            problems={errors.length > 0 ? report.problems : [...warnings, ...notices]}
            headingLevel="h4"
          />
        </section>
      ) : null}
    </section>
  );
}

/** 422: the bundle was refused; every problem, grouped by file, counts first. */
export function UploadRejected({
  problem,
  headingRef,
  files,
}: { problem: TProblemDetails } & THeadingRef & TUploadedFiles) {
  const t = useT();
  const tc = useTc();
  const records = problem.errors ?? [];
  const counts = countProblems(records);
  // The records say everything the server's sentence does: the page can say it in the reader's language.
  const isValidation = problem.code === 'validation_failed';
  const errorCount = problem.report?.problemSummary.errors ?? counts.errors;
  return (
    <section className="card stack result result--error" aria-labelledby="upload-result-title">
      <h2 id="upload-result-title" ref={headingRef} tabIndex={-1}>
        {t('upload.result.rejected')}
      </h2>
      <ProblemCounts errors={counts.errors} warnings={counts.warnings} truncated={false} />
      {isValidation ? (
        <p>{tc('apiProblem.validationFailed', errorCount)}</p>
      ) : (
        <p lang="en">{problem.detail}</p>
      )}
      {isValidation || problem.hint ? (
        <p className="alert-hint">
          <span className="alert-hint-label">{t('error.hint')}</span>{' '}
          {isValidation ? (
            // The server says "send allow_invalid=true"; on this page that is a checkbox, named by its label.
            <>
              {t('apiProblem.validationFailed.hint', { checkbox: t('upload.allowInvalid.label') })}{' '}
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => document.getElementById(ALLOW_INVALID_ID)?.focus()}
              >
                {t('upload.result.toCheckbox')}
              </button>
            </>
          ) : (
            <span lang="en">{problem.hint}</span>
          )}
        </p>
      ) : null}
      <p className="muted">{t('upload.result.rejectedNext')}</p>
      {files && problem.report && hasMarkableProblems(problem.report) ? (
        <AnnotatedDownload files={files} report={problem.report} />
      ) : null}
      {records.length > 0 ? <ProblemsByFile problems={records} headingLevel="h3" /> : null}
    </section>
  );
}

/** 413, 401, 5xx, network: said plainly. */
export function UploadFailed({ error, headingRef }: { error: unknown } & THeadingRef) {
  const t = useT();
  return (
    <section className="stack result" aria-labelledby="upload-result-title">
      <h2 id="upload-result-title" ref={headingRef} tabIndex={-1}>
        {t('upload.result.failed')}
      </h2>
      <ProblemAlert error={error} />
    </section>
  );
}

function ProblemCounts({
  errors,
  warnings,
  truncated,
}: {
  errors: number;
  warnings: number;
  truncated: boolean;
}) {
  const t = useT();
  return (
    <p className="problem-summary">
      <ProblemCountChip severity="error" count={errors} isLarge />
      <ProblemCountChip severity="warning" count={warnings} isLarge />
      {truncated ? <span className="muted">{t('problems.truncated')}</span> : null}
    </p>
  );
}
