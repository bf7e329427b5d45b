import { Link } from 'react-router';
import type { TRunDetail, TRunWarning } from '@planning-hub/contracts/api/runs';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreateRun } from '../api/create-run';
import { useLabelReadiness } from '../api/get-label-readiness';
import { useReadyLabels } from '../api/search-ready-labels';

/** Ready labels a Legacy mode card offers to re-run on. */
const RERUN_SUGGESTIONS = 3;

type TWarningActionsProps = {
  run: TRunDetail;
  warning: TRunWarning;
  /** Planners and above start runs and write notes. */
  canAct: boolean;
  onAddNote: () => void;
  onStarted: (run: TRunDetail) => void;
};

/**
 * What fixes a warning from the web (docs/runbook.ja.md section 5): re-run on a ready label,
 * approve the label's waiting draft in its Review tab, or record the reason in the run note.
 */
export function WarningActions({ run, warning, canAct, onAddNote, onStarted }: TWarningActionsProps) {
  const t = useT();
  const createRun = useCreateRun();
  const isLegacy = warning.code === 'legacy_mode';
  const readyLabels = useReadyLabels('', { enabled: isLegacy });
  const missingLabel = !isLegacy ? (run.inputSetLabel ?? '') : '';
  const readiness = useLabelReadiness(missingLabel);

  const rerunLabels = isLegacy
    ? (readyLabels.data ?? []).slice(0, RERUN_SUGGESTIONS).map((item) => item.label)
    : readiness.data?.kind === 'ready'
      ? [missingLabel]
      : [];
  const draft = !isLegacy && readiness.data?.kind === 'draftOnly' ? readiness.data.draft : null;
  const hasNothingReady = isLegacy
    ? readyLabels.isSuccess && rerunLabels.length === 0
    : readiness.data?.kind === 'unknown';

  function rerun(label: string) {
    createRun.mutate({ planId: run.planId ?? undefined, input_set_label: label }, { onSuccess: onStarted });
  }

  return (
    <div className="stack-xs">
      <p className="command-title">{t('run.warning.actions')}</p>
      <div className="warning-card-actions">
        {draft ? (
          <Link to={paths.inputSetReview.getHref(draft.ref)} className="btn btn--primary btn--small">
            {t('run.warning.approveDraft', { ref: draft.ref })}
          </Link>
        ) : null}
        {canAct
          ? rerunLabels.map((label) => (
              <button
                key={label}
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => rerun(label)}
                disabled={createRun.isPending}
              >
                {createRun.isPending && createRun.variables.input_set_label === label
                  ? t('runs.new.starting')
                  : t('run.warning.rerun', { label })}
              </button>
            ))
          : null}
        {hasNothingReady ? (
          <Link to={paths.upload.getHref()} className="btn btn--secondary btn--small">
            {t('run.warning.upload')}
          </Link>
        ) : null}
        {canAct ? (
          <button type="button" className="btn btn--ghost btn--small" onClick={onAddNote}>
            {t('run.warning.addNote')}
          </button>
        ) : null}
      </div>
      {hasNothingReady ? (
        <p className="muted">
          {isLegacy ? t('run.warning.noReady') : t('run.warning.labelGone', { label: missingLabel })}
        </p>
      ) : null}
      {createRun.isError ? <ProblemAlert error={createRun.error} title={t('runs.new.failed')} /> : null}
    </div>
  );
}
