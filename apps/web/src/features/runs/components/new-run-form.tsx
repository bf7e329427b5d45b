import { useId, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { useQueryClient } from '@tanstack/react-query';
import { RUN_WARNING_TITLES, type TPlan, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { useThrottledValue } from '../../../lib/use-throttled-value';
import { useT } from '../../../i18n/i18n-context';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormField } from '../../../components/ui/form-field';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreateRun } from '../api/create-run';
import {
  labelReadinessQueryOptions,
  useLabelReadiness,
  type TLabelReadiness,
} from '../api/get-label-readiness';
import { LabelReadinessMessage } from './label-readiness-message';
import { ReadyLabelCombobox } from './ready-label-combobox';

const LABEL_MAX_LENGTH = 80;
/** How often the label typed is looked up. */
const LOOKUP_INTERVAL_MS = 400;

type TNewRunFormProps = {
  plans: readonly TPlan[];
  onStarted: (run: TRunDetail) => void;
};

/**
 * Starts a plan run on a ready label, picked from the labels that have one. A plan's
 * default label applies when none is typed; a label with only a draft (or none at all) is
 * refused here with what to do, and a run with no label at all, Legacy mode (runbook
 * section 5), needs a confirmation.
 */
export function NewRunForm({ plans, onStarted }: TNewRunFormProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const ids = { plan: useId(), label: useId(), note: useId(), legacy: useId() };
  const createRun = useCreateRun();
  const [planId, setPlanId] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [isConfirmingLegacy, setIsConfirmingLegacy] = useState(false);
  const plan = plans.find((candidate) => candidate.id === planId);
  const effectiveLabel = label.trim() || plan?.defaultInputSetLabel || '';
  const isLegacy = effectiveLabel === '';
  const lookedUp = useThrottledValue(effectiveLabel, LOOKUP_INTERVAL_MS);
  const readiness = useLabelReadiness(lookedUp);
  const isCurrent = lookedUp === effectiveLabel;

  function start() {
    createRun.mutate(
      {
        planId: planId || undefined,
        ...(label.trim() ? { input_set_label: label.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onStarted, onSettled: () => setIsConfirmingLegacy(false) },
    );
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isLegacy) {
      setIsConfirmingLegacy(true);
      return;
    }
    let answer: TLabelReadiness | null;
    try {
      answer = await queryClient.fetchQuery(labelReadinessQueryOptions(effectiveLabel));
    } catch {
      // The look-up failed: the API answers the run itself with its warning if need be.
      answer = null;
    }
    if (answer && answer.kind !== 'ready') {
      // The message under the field says why and links to what fixes it.
      document.getElementById(ids.label)?.focus();
      return;
    }
    start();
  }

  const message =
    effectiveLabel === '' ? undefined : (
      <LabelReadinessMessage
        label={effectiveLabel}
        isChecking={!isCurrent || readiness.isPending}
        readiness={isCurrent ? readiness.data : undefined}
        isError={isCurrent && readiness.isError}
      />
    );
  const isNotReady = isCurrent && readiness.data !== undefined && readiness.data.kind !== 'ready';

  return (
    <form
      className="card stack"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="new-run-title"
    >
      <div className="stack-xs">
        <h2 id="new-run-title">{t('runs.new.title')}</h2>
        <p className="muted">{t('runs.new.intro')}</p>
      </div>
      <FormField id={ids.plan} label={t('runs.new.plan')} mark="optional">
        {(control) => (
          <select
            {...control}
            className="select"
            value={planId}
            onChange={(event) => setPlanId(event.target.value)}
          >
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
        message={message ?? ''}
        messageTone={isNotReady ? 'error' : 'ok'}
        describedBy={isLegacy ? ids.legacy : undefined}
      >
        {(control) => (
          <ReadyLabelCombobox
            control={control}
            value={label}
            onChange={setLabel}
            maxLength={LABEL_MAX_LENGTH}
            placeholder={plan?.defaultInputSetLabel ?? 'weekly_refresh'}
            isInvalid={isNotReady && label.trim() !== ''}
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
            maxLength={FIELD_LIMITS.runNote}
            placeholder={isLegacy ? t('run.note.legacyPlaceholder') : undefined}
          />
        )}
      </FormField>
      {createRun.isError ? <ProblemAlert error={createRun.error} title={t('runs.new.failed')} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={createRun.isPending}>
          {createRun.isPending
            ? t('runs.new.starting')
            : isLegacy
              ? t('runs.new.submitLegacy')
              : t('runs.new.submit')}
        </button>
      </div>
      <ConfirmDialog
        isOpen={isConfirmingLegacy}
        title={t('runs.legacy.title')}
        confirmLabel={t('runs.legacy.confirm')}
        busyLabel={t('runs.new.starting')}
        isBusy={createRun.isPending}
        onConfirm={start}
        onCancel={() => setIsConfirmingLegacy(false)}
      >
        <p>{t('runs.legacy.body')}</p>
        <p>{t('runs.legacy.note')}</p>
      </ConfirmDialog>
    </form>
  );
}
