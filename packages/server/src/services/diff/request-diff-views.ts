import {
  DIFF_MEASURES,
  type TDiffChangeRow,
  type TDiffChangesQuery,
  type TDiffChangesResponse,
  type TDiffJobState,
  type TDiffTolerance,
} from '@planning-hub/contracts/api/diff';
import type { TDiffSummaryQuery, TDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import { mergeTolerance } from '@planning-hub/contracts/api/diff-tolerance';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { readLabelPolicy } from '../policy/label-policy';
import { readMeasureTotals, readMovers } from './diff-moved-read';
import { rowFiltersOf, selectDiffRows, type TRowSource } from './diff-row-select';
import { diffFromCacheOrJob, type TDiffServiceDeps } from './request-diff';

/**
 * The tolerances a label's diffs apply unless a request says otherwise: those of the
 * label's policy (docs/design.md section 11), none hidden under the default policy.
 */
export async function defaultDiffTolerance(
  pool: Pick<TDiffServiceDeps['pool'], 'query'>,
  label: string,
): Promise<TDiffTolerance> {
  return (await readLabelPolicy(pool, label)).policy.diff_tolerance;
}

/**
 * GET /api/plans/input_sets/{ref}/diff/summary: "What moved", the totals of every
 * measured column and one page of a table's totals by item, location, period or
 * resource, read from the diff's cache with the tolerances applied; or the job state.
 */
export async function requestDiffSummary(
  deps: TDiffServiceDeps,
  { ref, query }: { ref: string; query: TDiffSummaryQuery },
): Promise<TDiffSummaryResponse | TDiffJobState> {
  const outcome = await diffFromCacheOrJob(deps, { ref, against: query.against });
  if ('job' in outcome) return outcome.job;
  const { manifest, paths } = outcome;
  const label = manifest.ref.split('@')[0] ?? manifest.ref;
  const tolerance = mergeTolerance(await defaultDiffTolerance(deps.pool, label), query.tolerance ?? {});
  const column = query.column ?? DIFF_MEASURES[query.table].columns[0];
  const totals = await readMeasureTotals(paths, manifest, tolerance);
  const page = await readMovers(paths, manifest, { ...query, column }, tolerance);
  return {
    state: 'done',
    ref: manifest.ref,
    against: manifest.against,
    refRevision: manifest.refRevision,
    againstRevision: manifest.againstRevision,
    identical: manifest.identical,
    tolerance,
    totals,
    table: query.table,
    column,
    by: query.by,
    sort: query.sort,
    total: page.total,
    offset: query.offset,
    groups: page.groups,
  };
}

/** Changed rows first, then added and removed: what a reviewer reads first. */
const KINDS_FOR_CHANGES = ['changed', 'added', 'removed'] as const;

/**
 * GET /api/plans/input_sets/{ref}/diff/changes: "All changes", every table and kind in one
 * list (or the ones named), filtered and ordered by the server; or the job state.
 */
export async function requestDiffChanges(
  deps: TDiffServiceDeps,
  { ref, query }: { ref: string; query: TDiffChangesQuery },
): Promise<TDiffChangesResponse | TDiffJobState> {
  const outcome = await diffFromCacheOrJob(deps, { ref, against: query.against });
  if ('job' in outcome) return outcome.job;
  const { manifest, paths } = outcome;
  const sources: TRowSource[] = TABLE_NAMES.filter((table) => !query.table || table === query.table).flatMap(
    (table) =>
      KINDS_FOR_CHANGES.filter((kind) => !query.kind || kind === query.kind).map((kind) => ({ table, kind })),
  );
  const page = await selectDiffRows(paths, manifest, {
    sources,
    filters: rowFiltersOf(query),
    offset: query.offset,
    limit: query.limit,
  });
  return {
    state: 'done',
    ref: manifest.ref,
    against: manifest.against,
    total: page.total,
    offset: query.offset,
    rows: page.rows.map(({ table, kind, row }) => ({ ...(row as object), table, kind }) as TDiffChangeRow),
  };
}
