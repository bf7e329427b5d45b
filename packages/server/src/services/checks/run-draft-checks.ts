import {
  CHECK_IDS,
  MAX_FINDINGS_PER_CHECK,
  type TCheckId,
  type TCheckSeverity,
} from '@planning-hub/contracts/api/policy';
import type { TSqlClient } from '../../database/transaction';
import { readLabelPolicy } from '../policy/label-policy';
import { COMPARING_QUERIES, type TCheckRows, type TCheckScope, type TNewFinding } from './check-queries';
import type { TMixedUomTally } from './mixed-uom-tally';

/** One check's outcome as `planning_input_sets.checks` keeps it. */
export type TStoredCheckOutcome = {
  check: TCheckId;
  enabled: boolean;
  severity: TCheckSeverity;
  ran: boolean;
  total: number;
  stored: number;
};

/** `planning_input_sets.checks`: what the checks found when the draft was stored. */
export type TStoredChecks = {
  checked_at: string;
  policy_version: number;
  compared_with: { id: number; revision: number } | null;
  results: TStoredCheckOutcome[];
};

/**
 * Runs the label's checks on a draft just stored, in the import's transaction (docs/design.md
 * section 11): set-based SQL against the label's ready revision, and `mixed_uom` from the tally
 * the import kept while the rows streamed in; each check's findings
 * (at most MAX_FINDINGS_PER_CHECK, all counted) stored on the draft, replacing those of the
 * content it overwrote. Without a ready revision (a label's first) only the draft's own
 * checks run and the comparing ones are recorded as not run.
 */
export async function runDraftChecks(
  client: TSqlClient,
  { label, draftId, mixedUom }: { label: string; draftId: number; mixedUom: TMixedUomTally },
): Promise<TStoredChecks> {
  const { policy, version } = await readLabelPolicy(client, label);
  const { rows: readyRows } = await client.query<{ id: number; revision: number }>(
    "SELECT id, revision FROM planning_input_sets WHERE label = $1 AND status = 'ready'",
    [label],
  );
  const ready = readyRows[0] ?? null;
  const scope: TCheckScope = {
    client,
    draftId,
    ready: ready ? { id: ready.id, ref: `${label}@r${ready.revision}` } : null,
    limit: MAX_FINDINGS_PER_CHECK,
  };

  await client.query('DELETE FROM planning_input_set_findings WHERE input_set_id = $1', [draftId]);
  const results: TStoredCheckOutcome[] = [];
  const stored: { check: TCheckId; severity: TCheckSeverity; finding: TNewFinding }[] = [];
  for (const check of CHECK_IDS) {
    const settings = policy.checks[check];
    const outcome = await runOne(check, scope, settings, mixedUom);
    results.push({
      check,
      enabled: settings.enabled,
      severity: settings.severity,
      ran: outcome !== null,
      total: outcome?.total ?? 0,
      stored: outcome?.findings.length ?? 0,
    });
    for (const finding of outcome?.findings ?? [])
      stored.push({ check, severity: settings.severity, finding });
  }

  if (stored.length > 0) {
    await client.query(
      `INSERT INTO planning_input_set_findings
         (input_set_id, check_id, severity, table_name, key_columns, key_values, before_value, after_value, message_code, params)
       SELECT $1, f ->> 'check_id', f ->> 'severity', f ->> 'table_name', f -> 'key_columns', f -> 'key_values',
              f ->> 'before_value', f ->> 'after_value', f ->> 'message_code', f -> 'params'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(f, position)
        ORDER BY x.position`,
      [
        draftId,
        JSON.stringify(
          stored.map(({ check, severity, finding }) => ({
            check_id: check,
            severity,
            table_name: finding.table,
            key_columns: finding.keyColumns,
            key_values: finding.keyValues,
            before_value: finding.before,
            after_value: finding.after,
            message_code: finding.messageCode,
            params: finding.params,
          })),
        ),
      ],
    );
  }
  const summary: TStoredChecks = {
    checked_at: new Date().toISOString(),
    policy_version: version,
    compared_with: ready ? { id: ready.id, revision: ready.revision } : null,
    results,
  };
  await client.query('UPDATE planning_input_sets SET checks = $2 WHERE id = $1', [
    draftId,
    JSON.stringify(summary),
  ]);
  return summary;
}

/** One check's findings, or null when it did not run (switched off, or nothing to compare with). */
async function runOne<TId extends TCheckId>(
  check: TId,
  scope: TCheckScope,
  settings: { enabled: boolean },
  mixedUom: TMixedUomTally,
): Promise<TCheckRows | null> {
  if (!settings.enabled) return null;
  if (check === 'mixed_uom') return mixedUom.findings(scope.limit);
  if (!scope.ready) return null;
  const query = COMPARING_QUERIES[check as Exclude<TCheckId, 'mixed_uom'>] as (
    scope: TCheckScope & { ready: NonNullable<TCheckScope['ready']> },
    settings: unknown,
  ) => Promise<TCheckRows>;
  return query({ ...scope, ready: scope.ready }, settings);
}

/** Findings counted by severity, from a revision's stored outcome (all of them, not only the stored ones). */
export function countFindings(checks: Partial<TStoredChecks> | null | undefined): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const result of checks?.results ?? []) {
    if (result.severity === 'error') errors += result.total;
    else warnings += result.total;
  }
  return { errors, warnings };
}
