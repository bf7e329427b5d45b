import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { isApiError } from '../../lib/api-client';
import { useSession } from '../../lib/auth/get-session';
import { useT } from '../../i18n/i18n-context';
import { ProblemAlert } from '../../components/ui/problem-alert';
import { LoadingState } from '../../components/ui/state-views';

/** Renders its children for a signed-in user; sends everyone else to sign in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const session = useSession();

  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) {
      const next = `${location.pathname}${location.search}${location.hash}`;
      return <Navigate to={paths.signIn.getHref(next)} replace />;
    }
    return (
      <div className="page-center">
        <ProblemAlert
          error={session.error}
          title={t('auth.sessionError')}
          onRetry={() => void session.refetch()}
        />
      </div>
    );
  }
  if (session.isPending) {
    return (
      <div className="page-center">
        <LoadingState label={t('auth.checkingSession')} />
      </div>
    );
  }
  return children;
}
