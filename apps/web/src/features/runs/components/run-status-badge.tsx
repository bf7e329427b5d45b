import { useT } from '../../../i18n/i18n-context';
import { RUN_OUTCOME_KEYS, runOutcome } from '../run-outcome';

/**
 * running / succeeded / failed, or "no plan" (amber) for a run that finished without
 * computing one: the word is always there, the colour only helps.
 */
export function RunStatusBadge({ run }: { run: Parameters<typeof runOutcome>[0] }) {
  const t = useT();
  const outcome = runOutcome(run);
  return (
    <span
      className={`badge badge--run-${outcome}`}
      title={outcome === 'noPlan' ? t('run.status.noPlanTitle') : undefined}
    >
      <span className="badge-dot" aria-hidden="true" />
      {t(RUN_OUTCOME_KEYS[outcome])}
    </span>
  );
}
