import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { MessageText } from '../../i18n/message-text';
import { translateApiProblem } from '../../i18n/problem-messages';
import { ProblemsByFile } from './problems-table';

type TProblemAlertProps = {
  error: unknown;
  /** A short heading; the problem's own `detail` is shown below it. */
  title?: string;
  /**
   * The problem said by the page that knows what it asked (an input set that is not
   * there, a wrong password). Without it the server's `detail` and `hint` are shown, in
   * the reader's language from their message codes.
   */
  detail?: string;
  hint?: string;
  onRetry?: () => void;
  children?: ReactNode;
};

/**
 * Shows an API problem as the user should read it: `detail` first, then `hint`,
 * then the validation records of `errors` as a table.
 */
export function ProblemAlert({ error, title, detail, hint, onRetry, children }: TProblemAlertProps) {
  const { language, t } = useI18n();
  const problem = isApiError(error) ? error.problem : null;
  const server = problem ? translateApiProblem(problem, language) : null;
  const serverDetail = server?.detail ?? (error instanceof Error ? error.message : null);
  const serverHint = server?.hint;
  return (
    <div className="alert alert--error" role="alert">
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {detail ? (
          <p className="alert-detail">{detail}</p>
        ) : serverDetail ? (
          <p className="alert-detail">
            <MessageText text={serverDetail} />
          </p>
        ) : (
          <p className="alert-detail">{t('error.unknown')}</p>
        )}
        {hint || serverHint ? (
          <p className="alert-hint">
            <span className="alert-hint-label">{t('error.hint')}</span>{' '}
            {hint ?? <MessageText text={serverHint ?? ''} />}
          </p>
        ) : null}
        {children}
        {problem?.errors && problem.errors.length > 0 ? (
          <ProblemsByFile problems={problem.errors} headingLevel="h3" />
        ) : null}
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
