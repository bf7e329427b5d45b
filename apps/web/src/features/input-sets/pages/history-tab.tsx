import { useT } from '../../../i18n/i18n-context';
import { useInputSetOutlet } from '../ref-param';

/**
 * Built in a later issue against GET API.events(label)?limit=100. The columns are
 * the runbook's (Action / Actor / Comment / JST): operators screenshot this table.
 */
export function HistoryTab() {
  const t = useT();
  const { inputSet } = useInputSetOutlet();
  return (
    <section className="card stack placeholder" aria-labelledby="history-title">
      <h2 id="history-title">{t('tab.history')}</h2>
      <p>{t('history.placeholder.intro', { label: inputSet.label })}</p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t('history.caption', { label: inputSet.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.col.action')}</th>
              <th scope="col">{t('history.col.actor')}</th>
              <th scope="col">{t('history.col.comment')}</th>
              <th scope="col">{t('history.col.jst')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td colSpan={4} className="muted">
                {t('history.placeholder.empty')}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">{t('placeholder.later')}</p>
    </section>
  );
}
