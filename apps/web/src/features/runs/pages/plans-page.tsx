import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths';
import { useHasRole } from '../../../lib/auth/get-session';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { EmptyState, LoadingState } from '../../../components/ui/state-views';
import { usePlans } from '../api/list-plans';
import { useRuns } from '../api/list-runs';
import { CreatePlanForm } from '../components/create-plan-form';
import { NewRunForm } from '../components/new-run-form';
import { PlanCard } from '../components/plan-card';
import { RunsTable } from '../components/runs-table';

/** `/ui/plans` (docs/design.md section 8): plans with their runs, the newest runs of all, and forms to start more. */
export function PlansPage({ readyLabels }: { readyLabels: readonly string[] }) {
  const t = useT();
  const navigate = useNavigate();
  const canRun = useHasRole('planner');
  const plans = usePlans();
  const runs = useRuns();

  return (
    <section className="stack" aria-labelledby="plans-title">
      <title>{`${t('plans.title')} · ${t('app.name')}`}</title>
      <div className="page-header">
        <div>
          <h1 id="plans-title">{t('plans.title')}</h1>
          <p className="muted">{t('plans.intro')}</p>
        </div>
      </div>
      <div className="plans-layout">
        <div className="stack-l">
          <section className="stack-s" aria-labelledby="plans-list-title">
            <h2 id="plans-list-title">{t('plans.list')}</h2>
            {plans.isPending ? (
              <LoadingState />
            ) : plans.isError ? (
              <ProblemAlert
                error={plans.error}
                title={t('plans.error')}
                onRetry={() => void plans.refetch()}
              />
            ) : plans.data.items.length === 0 ? (
              <EmptyState title={t('plans.empty.title')}>
                <p>{t('plans.empty.body')}</p>
              </EmptyState>
            ) : (
              plans.data.items.map((plan) => <PlanCard key={plan.id} plan={plan} canEdit={canRun} />)
            )}
          </section>
          <section className="card stack-s" aria-labelledby="runs-list-title">
            <h2 id="runs-list-title">{t('runs.recent')}</h2>
            {runs.isPending ? (
              <LoadingState />
            ) : runs.isError ? (
              <ProblemAlert error={runs.error} title={t('runs.error')} onRetry={() => void runs.refetch()} />
            ) : runs.data.items.length === 0 ? (
              <p className="muted">{t('runs.empty')}</p>
            ) : (
              <RunsTable runs={runs.data.items} caption={t('runs.recent')} />
            )}
          </section>
        </div>
        {canRun ? (
          <aside className="stack" aria-label={t('plans.actions')}>
            <NewRunForm
              plans={plans.data?.items ?? []}
              onStarted={(run) => navigate(paths.run.getHref(run.id))}
            />
            <CreatePlanForm readyLabels={readyLabels} />
          </aside>
        ) : null}
      </div>
    </section>
  );
}
