import type { TDiffJobState } from '@planning-hub/contracts/api/diff';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { ProgressBar } from '../../../components/ui/progress-bar';

/** A queued or running diff job: the page asks again every second. */
export function DiffJobProgress({ job }: { job: TDiffJobState }) {
  const t = useT();
  const label =
    job.state === 'queued'
      ? t('diff.job.queued')
      : t('diff.job.running', { attempt: Math.max(1, job.attempts), max: job.maxAttempts });
  return (
    <div className="diff-job stack-s" aria-live="polite">
      <ProgressBar value={null} label={label} />
      <p className="muted">
        {t('diff.job.since', { time: formatJst(job.startedAt ?? job.createdAt) })} · {t('diff.job.polling')}
      </p>
      {job.error ? (
        <p className="alert alert--warning">
          {t('diff.job.retrying')} <span lang="en">{job.error}</span>
        </p>
      ) : null}
    </div>
  );
}

type TDiffJobFailedProps = {
  job: TDiffJobState;
  onRetry: () => void;
  isRetrying: boolean;
  retryError: unknown;
};

/** The job failed for good: its error, and a button that runs it again (`retry=true`). */
export function DiffJobFailed({ job, onRetry, isRetrying, retryError }: TDiffJobFailedProps) {
  const t = useT();
  return (
    <div className="stack-s">
      <div className="alert alert--error" role="alert">
        <div className="alert-body">
          <p className="alert-title">{t('diff.job.failed', { attempts: job.attempts })}</p>
          {job.error ? (
            <p className="alert-detail" lang="en">
              {job.error}
            </p>
          ) : (
            <p className="alert-detail">{t('error.unknown')}</p>
          )}
          <p className="alert-meta" lang="en">
            {job.hint}
          </p>
        </div>
        <button type="button" className="btn btn--secondary" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? t('diff.job.retryingNow') : t('diff.job.retry')}
        </button>
      </div>
      {retryError ? <ProblemAlert error={retryError} title={t('diff.job.retryFailed')} /> : null}
    </div>
  );
}
