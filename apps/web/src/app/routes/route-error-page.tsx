import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../../i18n/i18n-context';

/**
 * Last line of defence for errors thrown while rendering. After a deploy an old tab
 * may ask for a page chunk that no longer exists: reloading fixes that.
 */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : t('error.unknown');
  return (
    <div className="page-center">
      <div className="alert alert--error" role="alert">
        <div className="alert-body">
          <p className="alert-title">{t('error.pageCrashed')}</p>
          <p className="alert-detail">{detail}</p>
        </div>
        <button type="button" className="btn btn--secondary" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </button>
      </div>
    </div>
  );
}
