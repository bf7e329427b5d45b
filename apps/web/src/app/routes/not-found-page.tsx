import { Link, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-context';

export function NotFoundPage() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <section className="stack" aria-labelledby="not-found-title">
      <title>{`${t('notFound.title')} · ${t('app.name')}`}</title>
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname })}</p>
      <p>
        <Link to={paths.inputSets.getHref()} className="btn btn--primary">
          {t('notFound.backToList')}
        </Link>
      </p>
    </section>
  );
}
