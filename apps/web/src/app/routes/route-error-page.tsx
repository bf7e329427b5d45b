import { useT } from '../../i18n/i18n-context';

/**
 * Last line of defence for errors thrown while rendering (app/route-error-boundary.tsx). After a deploy an old tab
 * may ask for a page chunk that no longer exists: reloading fixes that.
 */
export function RouteErrorPage({ error }: { error: unknown }) {
  const t = useT();
  // The browser's own words are English.
  const detail = error instanceof Error ? error.message : null;
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
