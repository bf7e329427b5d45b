import {
  ZDiffChangesQuery,
  ZDiffChangesResponse,
  ZDiffExportQuery,
  ZDiffJobState,
  ZDiffQuery,
  ZDiffResult,
  ZDiffRowsQuery,
  ZDiffRowsResponse,
} from '../diff';
import { ZDiffSummaryQuery, ZDiffSummaryResponse } from '../diff-summary';
import { defineOperations, problem } from './define-operation';

const notComputed = { description: 'The diff is not computed yet', schema: ZDiffJobState };
const nothingToCompare = problem(
  "No against given and nothing to compare with by default (the label's first revision); name one with against",
);

/**
 * The diff tab (docs/design.md section 6): 200 once computed, 202 with the job's state until then.
 * Without `against` the server picks the other side (a draft: the ready revision; any other
 * revision: the one before it), and every answer names the pair it compared in `ref` and `against`.
 */
export const DIFF_OPERATIONS = defineOperations({
  getDiff: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff',
    summary:
      'Diff against another revision (default: a draft against the ready one of the label, any other revision against the one before it); computed by a background job on first request',
    role: 'viewer',
    query: ZDiffQuery,
    responses: {
      200: {
        description: 'Computed: per-table counts (from tmp/input_set_diffs/<ref>__<against>.json)',
        schema: ZDiffResult,
      },
      202: {
        description: 'Queued, running, or failed (retry=true runs it again); ask again',
        schema: ZDiffJobState,
      },
      404: problem("Input set 'foo' not found."),
      409: nothingToCompare,
    },
  },
  getDiffRows: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/rows',
    summary:
      'One page of added, removed or changed rows of one table, in natural key order; filtered by key value (key, key_column, match), changed column and |Δ| (min_delta), or sorted by |Δ| (sort=abs_delta)',
    role: 'viewer',
    query: ZDiffRowsQuery,
    responses: {
      200: { description: 'Rows', schema: ZDiffRowsResponse },
      202: notComputed,
      404: problem("Input set 'foo' not found."),
      409: nothingToCompare,
    },
  },
  getDiffChanges: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/changes',
    summary:
      'All changes: one list across tables and kinds (or the table and kind named), with the filters and order of diff/rows',
    role: 'viewer',
    query: ZDiffChangesQuery,
    responses: {
      200: { description: 'Rows with their table and kind', schema: ZDiffChangesResponse },
      202: notComputed,
      404: problem("Input set 'foo' not found."),
      409: nothingToCompare,
    },
  },
  getDiffSummary: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/summary',
    summary:
      "What moved: before, after, delta and percent of every quantity column, and one page of a table's totals by item, location, period or resource (top movers first); tolerances hide small changes",
    role: 'viewer',
    query: ZDiffSummaryQuery,
    responses: {
      200: {
        description: 'Totals and one page of groups (cached with the diff)',
        schema: ZDiffSummaryResponse,
      },
      202: notComputed,
      404: problem("Input set 'foo' not found."),
      409: nothingToCompare,
    },
  },
  exportDiff: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/diff/export',
    summary:
      'The whole diff as one JSON document: the result and every added, removed and changed row (planning export --diff-against --json)',
    role: 'viewer',
    query: ZDiffExportQuery,
    responses: {
      200: {
        description: 'The result fields and `rows: {table: {added, removed, changed}}`',
        contentType: 'application/json',
      },
      202: notComputed,
      404: problem("Input set 'foo' not found."),
      409: nothingToCompare,
    },
  },
});
