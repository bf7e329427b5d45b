import type { TRunStatus } from '@planning-hub/contracts/api/runs';
import { useT } from '../../../i18n/i18n-context';

/** running / succeeded / failed: the word is always there, the colour only helps. */
export function RunStatusBadge({ status }: { status: TRunStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--run-${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`run.status.${status}`)}
    </span>
  );
}
