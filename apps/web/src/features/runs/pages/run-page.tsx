import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TRunDetail } from '@planning-hub/contracts/api/runs';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useHasRole } from '../../../lib/auth/get-session';
import { formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { LoadingState } from '../../../components/ui/state-views';
import { useRun } from '../api/get-run';
import { ArtifactPanel } from '../components/artifact-panel';
import { PlanResult } from '../components/plan-result';
import { RunNote } from '../components/run-note-form';
import { RunStatusBadge } from '../components/run-status-badge';
import { WarningActions } from '../components/warning-actions';
import { WarningCard } from '../components/warning-card';
import { shortRunId } from '../run-id';

export function RunPage() {
  const t = useT();
  const id = useParams().id ?? '';
  const run = useRun(id);

  return (
    <section className="stack" aria-labelledby="run-title">
      <title>{`${t('run.title', { id: shortRunId(id) })} · ${t('app.name')}`}</title>
      <nav aria-label={t('detail.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.plans.getHref()}>{t('plans.title')}</Link>
          </li>
          <li aria-current="page">
            <code>{shortRunId(id)}</code>
          </li>
        </ol>
      </nav>
      {run.isPending ? (
        <>
          <h1 id="run-title">{t('run.title', { id: shortRunId(id) })}</h1>
          <LoadingState label={t('run.loading')} />
        </>
      ) : run.isError ? (
        <RunNotShown id={id} error={run.error} onRetry={() => void run.refetch()} />
      ) : (
        <RunDetail run={run.data} />
      )}
    </section>
  );
}

function RunNotShown({ id, error, onRetry }: { id: string; error: unknown; onRetry: () => void }) {
  const t = useT();
  const isNotFound = isApiError(error) && error.status === 404;
  return (
    <>
      <h1 id="run-title">{isNotFound ? t('run.notFound') : t('run.title', { id: shortRunId(id) })}</h1>
      <ProblemAlert
        error={error}
        detail={isNotFound ? t('run.notFound.detail', { id }) : undefined}
        hint={isNotFound ? t('run.notFound.hint') : undefined}
        onRetry={isNotFound ? undefined : onRetry}
      />
    </>
  );
}

function RunDetail({ run }: { run: TRunDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const canEdit = useHasRole('planner');
  // "Add a run note" on a warning card opens the note below, focused.
  const [noteRequest, setNoteRequest] = useState(0);
  return (
    <>
      <div className="detail-header">
        <div className="detail-title">
          <h1 id="run-title">{t('run.title', { id: shortRunId(run.id) })}</h1>
          <RunStatusBadge run={run} />
        </div>
        <dl className="detail-facts">
          <div>
            <dt>{t('run.fact.id')}</dt>
            <dd className="ref-line">
              <code className="ref">{run.id}</code>
              <CopyButton text={run.id} />
            </dd>
          </div>
          <div>
            <dt>{t('run.fact.plan')}</dt>
            <dd>{run.planName ?? <span className="muted">{t('run.noPlan')}</span>}</dd>
          </div>
          <div>
            <dt>{t('run.fact.started')}</dt>
            <dd className="num">
              <time dateTime={run.createdAt}>{formatJst(run.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('run.fact.by')}</dt>
            <dd className="mono">{run.createdBy}</dd>
          </div>
        </dl>
      </div>

      {run.error ? (
        <div className="alert alert--error" role="alert">
          <div className="alert-body">
            <p className="alert-title">{t('run.failed')}</p>
            <p className="alert-detail">{run.error}</p>
          </div>
        </div>
      ) : null}

      {run.warnings.length > 0 ? (
        <section className="stack-s" aria-label={t('run.warnings')}>
          {run.warnings.map((warning) => (
            <WarningCard
              key={warning.code}
              warning={warning}
              actions={
                <WarningActions
                  run={run}
                  warning={warning}
                  canAct={canEdit}
                  onAddNote={() => setNoteRequest((count) => count + 1)}
                  onStarted={(started) => navigate(paths.run.getHref(started.id))}
                />
              }
            />
          ))}
        </section>
      ) : null}

      <div className="run-grid">
        <InputSetPanel run={run} />
        <ArtifactPanel run={run} />
      </div>

      {run.result ? (
        <PlanResult result={run.result} />
      ) : run.status === 'running' ? (
        <LoadingState label={t('run.running')} />
      ) : (
        <p className="card muted">{t('run.noResult')}</p>
      )}

      <RunNote key={run.note ?? ''} run={run} canEdit={canEdit} editRequest={noteRequest} />
    </>
  );
}

function InputSetPanel({ run }: { run: TRunDetail }) {
  const t = useT();
  const ref =
    run.inputSetLabel && run.inputSetRevision !== null
      ? `${run.inputSetLabel}@r${run.inputSetRevision}`
      : null;
  return (
    <section className="card stack-s" aria-labelledby="run-input-title">
      <h2 id="run-input-title">{t('run.input.title')}</h2>
      {ref && run.inputSetLabel && run.inputSetRevision !== null ? (
        <dl className="kv kv--tight">
          <dt>{t('detail.label')}</dt>
          <dd>
            <Link
              to={paths.runInputSet.getHref(run.inputSetLabel, run.inputSetRevision)}
              className="label-link"
            >
              {ref}
            </Link>
          </dd>
          <dt>{t('detail.versionId')}</dt>
          <dd className="mono">{run.inputSetVersionId ?? '—'}</dd>
          <dt>{t('detail.contentHash')}</dt>
          <dd className="hash-line">
            <code className="hash">{run.contentHash ?? '—'}</code>
          </dd>
          <dt>{t('run.fact.entrypoint')}</dt>
          <dd className="mono">{run.entrypoint}</dd>
        </dl>
      ) : (
        <>
          <p>
            {run.inputSetLabel ? t('run.input.missing', { label: run.inputSetLabel }) : t('run.input.none')}
          </p>
          {run.inputSetLabel ? (
            <p>
              <Link to={paths.inputSets.getHref({ search: run.inputSetLabel })}>
                {t('detail.notFound.searchList', { label: run.inputSetLabel })}
              </Link>
            </p>
          ) : null}
          <dl className="kv kv--tight">
            <dt>{t('run.fact.entrypoint')}</dt>
            <dd className="mono">{run.entrypoint}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
