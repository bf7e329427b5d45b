import type { TDiffJobState } from '@planning-hub/contracts/api/diff';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { Spinner } from '../../../components/ui/state-views';
import { secondsSince } from '../moved-rules';
import { useNow } from '../use-now';
import './diff.css';

/** `12 s`, `2 min 5 s`. */
function useElapsed(iso: string): string {
  const t = useT();
  const seconds = secondsSince(iso, useNow());
  if (seconds < 60) return t('diff.elapsed.seconds', { count: seconds });
  return t('diff.elapsed.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/**
 * A queued or running diff job, in plain words: who waits for what and since when. No
 * progress bar: how far the job is, nobody knows. The page asks again every second.
 */
export function DiffJobProgress({ job }: { job: TDiffJobState }) {
  const t = useT();
  const isRunning = job.state === 'running';
  const elapsed = useElapsed(isRunning ? (job.startedAt ?? job.createdAt) : job.createdAt);
  const sides = {
    ref: job.ref,
    against: job.against,
    refRevision: `r${job.refRevision}`,
    againstRevision: `r${job.againstRevision}`,
  };
  return (
    <div className="diff-job stack-s" role="status" aria-live="polite">
      <p className="diff-job-title">
        <Spinner /> {isRunning ? t('diff.job.comparing', sides) : t('diff.job.waiting', { elapsed })}
      </p>
      <p className="muted">
        {isRunning ? `${t('diff.job.startedAgo', { elapsed })} ` : `${t('diff.job.comparingNext', sides)} `}
        {t('diff.job.checksEverySecond')}
      </p>
      {job.error ? (
        <p className="alert alert--warning">
          {t('diff.job.retryingAttempt', { attempt: Math.max(1, job.attempts), max: job.maxAttempts })}{' '}
          <span lang="en">{job.error}</span>
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
