import { useParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context';

/** Built in a later issue (DESIGN section 7). */
export function RunPage() {
  const t = useT();
  const id = useParams().id ?? '';
  return (
    <section className="stack" aria-labelledby="run-title">
      <title>{`${t('run.title', { id })} · ${t('app.name')}`}</title>
      <h1 id="run-title">{t('run.title', { id })}</h1>
      <div className="card stack placeholder">
        <p>{t('run.placeholder.intro')}</p>
        <ul className="bullets">
          <li>{t('run.placeholder.inputSet')}</li>
          <li>{t('run.placeholder.warnings')}</li>
          <li>{t('run.placeholder.artifact')}</li>
          <li>{t('run.placeholder.plan')}</li>
        </ul>
        <pre className="command">
          <code>planning import -i out/planning_inputs_&lt;label&gt; --version-id &lt;id&gt; --label &lt;label&gt;</code>
        </pre>
        <p className="muted">{t('placeholder.later')}</p>
      </div>
    </section>
  );
}
