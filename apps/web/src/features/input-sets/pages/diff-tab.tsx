import { useT } from '../../../i18n/i18n-context';
import { useInputSetOutlet } from '../ref-param';

/** Built in a later issue against GET API.diff(ref) (DESIGN section 6). */
export function DiffTab() {
  const t = useT();
  const { inputSet } = useInputSetOutlet();
  return (
    <section className="card stack placeholder" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('tab.diff')}</h2>
      <p>{t('diff.placeholder.intro', { ref: inputSet.ref, label: inputSet.label })}</p>
      <ul className="bullets">
        <li>{t('diff.placeholder.counts')}</li>
        <li>{t('diff.placeholder.rows')}</li>
        <li>{t('diff.placeholder.columns')}</li>
        <li>{t('diff.placeholder.job')}</li>
      </ul>
      <p className="muted">{t('placeholder.later')}</p>
    </section>
  );
}
