import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import { useT } from '../../i18n/i18n-context';

const STATUS_KEYS = {
  draft: 'status.draft',
  ready: 'status.ready',
  archived: 'status.archived',
} as const;

/** Colour and text: the word is always there, so colour is never the only signal. */
export function StatusBadge({ status }: { status: TInputSetStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(STATUS_KEYS[status])}
    </span>
  );
}
