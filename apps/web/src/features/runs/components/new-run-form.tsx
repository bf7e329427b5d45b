import { useId, useState, type FormEvent } from 'react';
import { RUN_WARNING_TITLES, type TPlan, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreateRun } from '../api/create-run';

const LABEL_MAX_LENGTH = 80;
const NOTE_MAX_LENGTH = 4000;

type TNewRunFormProps = {
  plans: readonly TPlan[];
  /** Labels that have a ready revision, offered as suggestions. */
  readyLabels: readonly string[];
  onStarted: (run: TRunDetail) => void;
};

/**
 * Starts a plan run. The label is optional: a plan's default label applies, and a
 * run with no label at all runs in Legacy mode (runbook section 5), which the form says before it is sent.
 */
export function NewRunForm({ plans, readyLabels, onStarted }: TNewRunFormProps) {
  const t = useT();
  const ids = { plan: useId(), label: useId(), note: useId(), labels: useId(), legacy: useId() };
  const createRun = useCreateRun();
  const [planId, setPlanId] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const plan = plans.find((candidate) => candidate.id === planId);
  const effectiveLabel = label.trim() || plan?.defaultInputSetLabel || '';
  const isLegacy = effectiveLabel === '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createRun.mutate(
      {
        planId: planId || undefined,
        ...(label.trim() ? { input_set_label: label.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onStarted },
    );
  }

  return (
    <form className="card stack" onSubmit={handleSubmit} aria-labelledby="new-run-title">
      <div className="stack-xs">
        <h2 id="new-run-title">{t('runs.new.title')}</h2>
        <p className="muted">{t('runs.new.intro')}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.plan}>
          {t('runs.new.plan')} <span className="optional-mark">{t('form.optional')}</span>
        </label>
        <select id={ids.plan} className="select" value={planId} onChange={(event) => setPlanId(event.target.value)}>
          <option value="">{t('runs.new.noPlan')}</option>
          {plans.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.label}>
          {t('runs.new.label')} <span className="optional-mark">{t('form.optional')}</span>
        </label>
        <input
          id={ids.label}
          className="input mono"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          list={ids.labels}
          maxLength={LABEL_MAX_LENGTH}
          autoComplete="off"
          placeholder={plan?.defaultInputSetLabel ?? 'weekly_refresh'}
          aria-describedby={`${ids.label}-hint${isLegacy ? ` ${ids.legacy}` : ''}`}
        />
        <datalist id={ids.labels}>
          {readyLabels.map((ready) => (
            <option key={ready} value={ready} />
          ))}
        </datalist>
        <p className="field-hint" id={`${ids.label}-hint`}>
          {plan?.defaultInputSetLabel && !label.trim()
            ? t('runs.new.labelHintPlan', { label: plan.defaultInputSetLabel })
            : t('runs.new.labelHint')}
        </p>
      </div>
      {isLegacy ? (
        <div className="alert alert--warning legacy-notice" id={ids.legacy} role="note">
          <div className="alert-body">
            <p className="alert-title">{RUN_WARNING_TITLES.legacy_mode}</p>
            <p>{t('runs.new.legacy')}</p>
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.note}>
          {t('runs.new.note')} <span className="optional-mark">{t('form.optional')}</span>
        </label>
        <textarea
          id={ids.note}
          className="input textarea"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={NOTE_MAX_LENGTH}
          placeholder={isLegacy ? t('run.note.legacyPlaceholder') : undefined}
        />
      </div>
      {createRun.isError ? <ProblemAlert error={createRun.error} title={t('runs.new.failed')} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={createRun.isPending}>
          {createRun.isPending ? t('runs.new.starting') : isLegacy ? t('runs.new.submitLegacy') : t('runs.new.submit')}
        </button>
      </div>
    </form>
  );
}
