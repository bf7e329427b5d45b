import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { StatusBadge } from '../../../components/ui/status-badge';

/** Label, exact reference (copyable), status, revision and version id. */
export function InputSetHeader({ inputSet }: { inputSet: TInputSetSummary }) {
  const t = useT();
  return (
    <div className="detail-header">
      <div className="detail-title">
        <h1 id="input-set-title">{inputSet.label}</h1>
        <StatusBadge status={inputSet.status} />
      </div>
      <dl className="detail-facts">
        <div>
          <dt>{t('detail.ref')}</dt>
          <dd className="ref-line">
            <code className="ref">{inputSet.ref}</code>
            <CopyButton text={inputSet.ref} />
          </dd>
        </div>
        <div>
          <dt>{t('detail.revision')}</dt>
          <dd className="num">r{inputSet.revision}</dd>
        </div>
        <div>
          <dt>{t('detail.versionId')}</dt>
          <dd className="mono">{inputSet.versionId}</dd>
        </div>
      </dl>
    </div>
  );
}
