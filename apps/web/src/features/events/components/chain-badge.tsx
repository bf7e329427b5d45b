import { isApiError } from '../../../lib/api-client';
import { useT, useTc } from '../../../i18n/i18n-context';
import { useVerifyEvents } from '../api/verify-events';

/** `Chain intact: N events` from GET .../events/verify; says nothing when the server has no such check. */
export function ChainBadge({ label }: { label: string }) {
  const t = useT();
  const tc = useTc();
  const verify = useVerifyEvents(label);

  if (verify.isPending) {
    return (
      <span className="chain-badge chain-badge--pending" role="status">
        {t('history.chain.checking')}
      </span>
    );
  }
  if (verify.isError) {
    if (isApiError(verify.error) && verify.error.status === 404) return null;
    return (
      <span className="chain-badge chain-badge--unknown" role="status" title={verify.error.message}>
        {t('history.chain.unavailable')}
      </span>
    );
  }
  const verdict = verify.data;
  if (verdict.ok) {
    return (
      <span className="chain-badge chain-badge--ok" role="status">
        <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path
            d="M3.5 8.5l3 3 6-7"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        {tc('history.chain.intact', verdict.checked)}
      </span>
    );
  }
  return (
    <span className="chain-badge chain-badge--broken" role="alert">
      <span aria-hidden="true">✕</span>
      {t('history.chain.broken', { id: verdict.brokenAt ?? '?' })}
      {verdict.reason ? <span lang="en">{verdict.reason}</span> : null}
    </span>
  );
}
