import { useId, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { Link } from 'react-router';
import type { TPlan } from '@planning-hub/contracts/api/runs';
import { paths } from '../../../config/paths';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useUpdatePlan } from '../api/update-plan';
import { RunsTable } from './runs-table';

/** A plan, the label its runs use, its newest runs; planners can link it to another label. */
export function PlanCard({ plan, canEdit }: { plan: TPlan; canEdit: boolean }) {
  const t = useT();
  const titleId = useId();
  const [isEditing, setIsEditing] = useState(false);
  return (
    <article className="card stack-s plan-card" aria-labelledby={titleId}>
      <div className="section-header">
        <div className="stack-xs">
          <h3 id={titleId}>{plan.name}</h3>
          <p className="plan-label">
            <span className="muted">{t('plans.defaultLabel')}</span>{' '}
            {plan.defaultInputSetLabel ? (
              <Link to={paths.inputSet.getHref(plan.defaultInputSetLabel)} className="mono">
                {plan.defaultInputSetLabel}
              </Link>
            ) : (
              <span className="muted">{t('plans.noDefaultLabel')}</span>
            )}
            <span className="muted">
              {' '}
              · {t('plans.createdBy', { user: plan.createdBy, time: formatJst(plan.createdAt) })}
            </span>
          </p>
        </div>
        {canEdit && !isEditing ? (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setIsEditing(true)}>
            {t('plans.relink.button')}
          </button>
        ) : null}
      </div>
      {isEditing ? <RelinkForm plan={plan} onDone={() => setIsEditing(false)} /> : null}
      {plan.recentRuns.length > 0 ? (
        <RunsTable
          runs={plan.recentRuns}
          caption={t('plans.recentRuns', { name: plan.name })}
          showPlan={false}
        />
      ) : (
        <p className="muted">{t('plans.noRuns')}</p>
      )}
    </article>
  );
}

function RelinkForm({ plan, onDone }: { plan: TPlan; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const update = useUpdatePlan();
  const [label, setLabel] = useState(plan.defaultInputSetLabel ?? '');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      { id: plan.id, request: { default_input_set_label: label.trim() || null } },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="relink-form stack-s" onSubmit={handleSubmit}>
      <div className="field field--inline">
        <label htmlFor={id}>{t('plans.relink.label')}</label>
        <input
          id={id}
          className="input mono"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={FIELD_LIMITS.label}
          autoComplete="off"
        />
        <button type="submit" className="btn btn--primary btn--small" disabled={update.isPending}>
          {t('plans.relink.save')}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onDone}>
          {t('run.note.cancel')}
        </button>
      </div>
      <p className="field-hint">{t('plans.relink.hint')}</p>
      {update.isError ? <ProblemAlert error={update.error} title={t('plans.relink.failed')} /> : null}
    </form>
  );
}
