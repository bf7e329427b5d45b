import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';
import { useT } from '../../i18n/i18n-context';
import { ProblemsByFile } from './problems-table';

type TProblemAlertProps = {
  error: unknown;
  /** A short heading; the problem's own `detail` is shown below it. */
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
};

/**
 * Shows an API problem as the user should read it: `detail` first, then `hint`,
 * then the validation records of `errors` as a table.
 */
export function ProblemAlert({ error, title, onRetry, children }: TProblemAlertProps) {
  const t = useT();
  const problem = isApiError(error) ? error.problem : null;
  const detail = problem?.detail ?? (error instanceof Error ? error.message : t('error.unknown'));
  return (
    <div className="alert alert--error" role="alert">
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        <p className="alert-detail">{detail}</p>
        {problem?.hint ? (
          <p className="alert-hint">
            <span className="alert-hint-label">{t('error.hint')}</span> {problem.hint}
          </p>
        ) : null}
        {children}
        {problem?.errors && problem.errors.length > 0 ? <ProblemsByFile problems={problem.errors} headingLevel="h3" /> : null}
        {problem && problem.status > 0 ? (
          <p className="alert-meta">
            {t('error.meta', { status: problem.status, code: problem.code })}
            {problem.requestId ? ` · ${t('error.requestId', { id: problem.requestId })}` : null}
          </p>
        ) : null}
      </div>
      {onRetry ? (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
