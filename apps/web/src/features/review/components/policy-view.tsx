import { CHECK_IDS, type TLabelPolicy } from '@planning-hub/contracts/api/policy';
import { formatToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { TableScroll } from '../../../components/ui/table-scroll';

/** The threshold of a check as the policy sets it: ±50% or ×10, else a dash. */
function thresholdOf(
  settings: TLabelPolicy['policy']['checks'][keyof TLabelPolicy['policy']['checks']],
): string {
  if ('threshold_percent' in settings) return `±${settings.threshold_percent}%`;
  if ('ratio' in settings) return `×${settings.ratio}`;
  return '—';
}

/**
 * The label's approval-gate policy, read-only (docs/design.md section 11): admins change it
 * with `planning policy set` or the API.
 */
export function PolicyView({
  label,
  policy,
  isError,
}: {
  label: string;
  policy: TLabelPolicy | undefined;
  isError: boolean;
}) {
  const t = useT();
  let body;
  if (isError) body = <p className="alert alert--warning">{t('policy.error')}</p>;
  else if (!policy)
    body = (
      <p className="muted" role="status">
        {t('policy.loading')}
      </p>
    );
  else {
    const tolerances = formatToleranceParams(policy.policy.diff_tolerance);
    body = (
      <>
        <p className="muted">
          {policy.isDefault
            ? t('policy.default', { label })
            : t('policy.version', {
                version: policy.version,
                by: policy.updatedBy ?? '',
                at: policy.updatedAt ? formatJst(policy.updatedAt) : '',
              })}
        </p>
        <TableScroll label={t('policy.caption')} className="table-scroll--fit">
          <table className="table table--compact table--policy">
            <caption className="visually-hidden">{t('policy.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policy.col.check')}</th>
                <th scope="col">{t('policy.col.enabled')}</th>
                <th scope="col">{t('policy.col.severity')}</th>
                <th scope="col" className="num">
                  {t('policy.col.threshold')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CHECK_IDS.map((id) => {
                const settings = policy.policy.checks[id];
                return (
                  <tr key={id} className={settings.enabled ? undefined : 'row--quiet'}>
                    <th scope="row">{t(`checks.name.${id}`)}</th>
                    <td>{t(settings.enabled ? 'policy.on' : 'policy.off')}</td>
                    <td>{t(`checks.severity.${settings.severity}`)}</td>
                    <td className="num">{thresholdOf(settings)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <p>
          {tolerances.length > 0 ? (
            <>
              {t('policy.tolerance')} <span className="mono">{tolerances.join(' ')}</span>
            </>
          ) : (
            t('policy.toleranceNone')
          )}
        </p>
        <p className="muted">
          {t('policy.changeHint')}{' '}
          <code className="mono">planning policy set --label {label} -f policy.json</code>
        </p>
      </>
    );
  }
  return (
    <section className="card stack-s" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policy.title')}</h2>
      {body}
    </section>
  );
}
