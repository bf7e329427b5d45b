import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TDiffResult } from '@planning-hub/contracts/api/diff';
import type { TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { LoadingState } from '../../../components/ui/state-views';
import { useDiffSummary } from '../api/get-diff-summary';
import {
  chartDimensionOf,
  dimensionFromParams,
  measureFromParams,
  measureName,
  type TMeasure,
} from '../moved-rules';
import { MovedChart } from './moved-chart';
import { MovedTotalsTable } from './moved-totals-table';
import { MoversTable } from './movers-table';
import { ToleranceForm } from './tolerance-form';

type TWhatMovedProps = {
  /** The diff, with the pair the server compared (`against` as it chose it when the URL names none). */
  result: TDiffResult;
  onStale: () => void;
};

const MOVERS_SHOWN = [10, 50, 200] as const;
const CHART_GROUPS = 200;

/**
 * "What moved" (docs/design.md section 6): what the new numbers do to the plan in business
 * terms. The totals of every quantity column before and after, a chart of one column
 * by period, and its top movers by item, location, period or resource; a mover opens
 * its rows in the cell diff. `?measure=&by=&tolerance=` keep the choices in the URL.
 */
export function WhatMoved({ result, onStale }: TWhatMovedProps) {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const tolerance = searchParams.getAll('tolerance');
  const base = {
    ref: result.ref,
    against: result.against,
    refHash: result.refHash,
    againstHash: result.againstHash,
    tolerance,
  };

  const [moversShown, setMoversShown] = useState<number>(MOVERS_SHOWN[0]);
  // Every answer carries the totals of all columns; the measure defaults to the first that moved.
  // While another measure loads, the previous answer stays (placeholder), so the default holds.
  const [answered, setAnswered] = useState<TDiffSummaryResponse | undefined>(undefined);
  const measure = measureFromParams(searchParams, answered?.totals);
  const by = dimensionFromParams(searchParams, measure.table);
  const movers = useDiffSummary({ ...base, ...measure, by, sort: 'abs_delta', limit: moversShown });
  const chart = useDiffSummary({
    ...base,
    ...measure,
    by: chartDimensionOf(measure.table),
    sort: 'key',
    limit: CHART_GROUPS,
  });

  const moversAnswer = movers.data;
  if (moversAnswer?.state === 'done' && moversAnswer !== answered) setAnswered(moversAnswer);
  const isStale = moversAnswer !== undefined && moversAnswer.state !== 'done';
  useEffect(() => {
    if (isStale) onStale();
  }, [isStale, onStale]);

  function update(change: (params: URLSearchParams) => void) {
    const params = new URLSearchParams(searchParams);
    change(params);
    setSearchParams(params, { replace: true, preventScrollReset: true });
  }

  function handleMeasure(next: TMeasure) {
    update((params) => params.set('measure', measureName(next)));
  }

  function handleTolerance(texts: readonly string[]) {
    update((params) => {
      params.delete('tolerance');
      for (const text of texts) params.append('tolerance', text);
    });
  }

  function handleShowRows(key: string) {
    update((params) => {
      for (const name of ['column', 'min', 'sort']) params.delete(name);
      params.set('view', 'cells');
      params.set('table', measure.table);
      params.set('kind', 'all');
      params.set('key', key);
      params.set('match', 'exact');
      params.set('key_column', by);
    });
  }

  return (
    <section className="stack" aria-labelledby="moved-title">
      <div className="section-header">
        <div className="stack-xs">
          <h3 id="moved-title">{t('diff.moved.title')}</h3>
          <p className="muted">{t('diff.moved.intro')}</p>
        </div>
        <ToleranceForm tolerance={tolerance} onApply={handleTolerance} />
      </div>
      {movers.isError ? (
        <ProblemAlert
          error={movers.error}
          title={t('diff.moved.error')}
          onRetry={() => void movers.refetch()}
        />
      ) : moversAnswer?.state !== 'done' ? (
        <LoadingState label={t('diff.moved.loading')} />
      ) : (
        <>
          <MovedTotalsTable summary={moversAnswer} selected={measure} onSelect={handleMeasure} />
          <div className="moved-grid">
            <MovedChart
              answer={chart.data?.state === 'done' ? chart.data : undefined}
              isError={chart.isError}
            />
            <MoversTable
              summary={moversAnswer}
              onByChange={(next) => update((params) => params.set('by', next))}
              onShowRows={handleShowRows}
              onShowMore={
                moversShown < MOVERS_SHOWN[MOVERS_SHOWN.length - 1]! && moversAnswer.total > moversShown
                  ? () =>
                      setMoversShown(
                        MOVERS_SHOWN[MOVERS_SHOWN.indexOf(moversShown as (typeof MOVERS_SHOWN)[number]) + 1]!,
                      )
                  : undefined
              }
            />
          </div>
        </>
      )}
    </section>
  );
}
