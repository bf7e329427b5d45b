import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../../i18n/i18n-context';

/**
 * Last line of defence for errors thrown while rendering. After a deploy an old tab
 * may ask for a page chunk that no longer exists: reloading fixes that.
 */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  // The browser's and the router's own words are English.
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <div className="page-center">
      <div className="alert alert--error" role="alert">
        <div className="alert-body">
          <p className="alert-title">{t('error.pageCrashed')}</p>
          {detail ? (
            <p className="alert-detail" lang="en">
              {detail}
            </p>
          ) : (
            <p className="alert-detail">{t('error.unknown')}</p>
          )}
        </div>
        <button type="button" className="btn btn--secondary" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </button>
      </div>
    </div>
  );
}
