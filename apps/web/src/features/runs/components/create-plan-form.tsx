import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useCreatePlan } from '../api/create-plan';

const NAME_MAX_LENGTH = 128;
const LABEL_MAX_LENGTH = 63;

/** A named plan; its runs use the ready revision of its default label unless they name another. */
export function CreatePlanForm({ readyLabels }: { readyLabels: readonly string[] }) {
  const t = useT();
  const ids = { name: useId(), label: useId(), labels: useId() };
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
      <div className="field">
        <label htmlFor={ids.name}>
          {t('plans.new.name')} <span className="required-mark">{t('form.required')}</span>
        </label>
        <input
          id={ids.name}
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={NAME_MAX_LENGTH}
          required
          autoComplete="off"
          placeholder={t('plans.new.namePlaceholder')}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.label}>
          {t('plans.new.label')} <span className="optional-mark">{t('form.optional')}</span>
        </label>
        <input
          id={ids.label}
          className="input mono"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          list={ids.labels}
          maxLength={LABEL_MAX_LENGTH}
          autoComplete="off"
          aria-describedby={`${ids.label}-hint`}
        />
        <datalist id={ids.labels}>
          {readyLabels.map((ready) => (
            <option key={ready} value={ready} />
          ))}
        </datalist>
        <p className="field-hint" id={`${ids.label}-hint`}>
          {t('plans.new.labelHint')}
        </p>
      </div>
      {createPlan.isError ? <ProblemAlert error={createPlan.error} title={t('plans.new.failed')} /> : null}
      {createPlan.isSuccess ? (
        <p className="field-ok" role="status">
          {t('plans.new.created', { name: createPlan.data.name })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--secondary" disabled={createPlan.isPending || name.trim() === ''}>
          {createPlan.isPending ? t('plans.new.creating') : t('plans.new.submit')}
        </button>
      </div>
    </form>
  );
}
