import { useId, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreatePlan } from '../api/create-plan';
import { ReadyLabelInput } from './ready-label-input';

/** A named plan; its runs use the ready revision of its default label unless they name another. */
export function CreatePlanForm({ readyLabels }: { readyLabels: readonly string[] }) {
  const t = useT();
  const ids = { name: useId(), label: useId() };
  const createPlan = useCreatePlan();
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createPlan.mutate(
      { name: name.trim(), ...(label.trim() ? { default_input_set_label: label.trim() } : {}) },
      {
        onSuccess: () => {
          setName('');
          setLabel('');
        },
      },
    );
  }

  return (
    <form className="card stack" onSubmit={handleSubmit} aria-labelledby="new-plan-title">
      <h2 id="new-plan-title">{t('plans.new.title')}</h2>
      <FormField id={ids.name} label={t('plans.new.name')} mark="required">
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={FIELD_LIMITS.planName}
            required
            autoComplete="off"
            placeholder={t('plans.new.namePlaceholder')}
          />
        )}
      </FormField>
      <FormField id={ids.label} label={t('plans.new.label')} mark="optional" hint={t('plans.new.labelHint')}>
        {(control) => (
          <ReadyLabelInput
            control={control}
            value={label}
            onChange={setLabel}
            readyLabels={readyLabels}
            maxLength={FIELD_LIMITS.label}
          />
        )}
      </FormField>
      {createPlan.isError ? <ProblemAlert error={createPlan.error} title={t('plans.new.failed')} /> : null}
      {createPlan.isSuccess ? (
        <p className="field-ok" role="status">
          {t('plans.new.created', { name: createPlan.data.name })}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--secondary"
          disabled={createPlan.isPending || name.trim() === ''}
        >
          {createPlan.isPending ? t('plans.new.creating') : t('plans.new.submit')}
        </button>
      </div>
    </form>
  );
}
