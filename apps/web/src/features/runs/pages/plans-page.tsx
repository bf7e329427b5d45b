import { useT } from '../../../i18n/i18n-context';

/** Built in a later issue (DESIGN section 7). */
export function PlansPage() {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="plans-title">
      <title>{`${t('plans.title')} · ${t('app.name')}`}</title>
      <h1 id="plans-title">{t('plans.title')}</h1>
      <div className="card stack placeholder">
        <p>{t('plans.placeholder.intro')}</p>
        <ul className="bullets">
          <li>{t('plans.placeholder.runs')}</li>
          <li>{t('plans.placeholder.legacy')}</li>
          <li>{t('plans.placeholder.missing')}</li>
        </ul>
        <p className="muted">{t('placeholder.later')}</p>
      </div>
    </section>
  );
}
