import { useId, useState, type FormEvent } from 'react';
import { RUN_WARNING_TITLES, type TPlan, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreateRun } from '../api/create-run';
import { ReadyLabelInput } from './ready-label-input';

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
  const ids = { plan: useId(), label: useId(), note: useId(), legacy: useId() };
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
      <FormField id={ids.plan} label={t('runs.new.plan')} mark="optional">
        {(control) => (
          <select {...control} className="select" value={planId} onChange={(event) => setPlanId(event.target.value)}>
            <option value="">{t('runs.new.noPlan')}</option>
            {plans.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={ids.label}
        label={t('runs.new.label')}
        mark="optional"
        hint={
          plan?.defaultInputSetLabel && !label.trim()
            ? t('runs.new.labelHintPlan', { label: plan.defaultInputSetLabel })
            : t('runs.new.labelHint')
        }
        describedBy={isLegacy ? ids.legacy : undefined}
      >
        {(control) => (
          <ReadyLabelInput
            control={control}
            value={label}
            onChange={setLabel}
            readyLabels={readyLabels}
            maxLength={LABEL_MAX_LENGTH}
            placeholder={plan?.defaultInputSetLabel ?? 'weekly_refresh'}
          />
        )}
      </FormField>
      {isLegacy ? (
        <div className="alert alert--warning legacy-notice" id={ids.legacy} role="note">
          <div className="alert-body">
            <p className="alert-title">{RUN_WARNING_TITLES.legacy_mode}</p>
            <p>{t('runs.new.legacy')}</p>
          </div>
        </div>
      ) : null}
      <FormField id={ids.note} label={t('runs.new.note')} mark="optional">
        {(control) => (
          <textarea
            {...control}
            className="input textarea"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={NOTE_MAX_LENGTH}
            placeholder={isLegacy ? t('run.note.legacyPlaceholder') : undefined}
          />
        )}
      </FormField>
      {createRun.isError ? <ProblemAlert error={createRun.error} title={t('runs.new.failed')} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={createRun.isPending}>
          {createRun.isPending ? t('runs.new.starting') : isLegacy ? t('runs.new.submitLegacy') : t('runs.new.submit')}
        </button>
      </div>
    </form>
  );
}
