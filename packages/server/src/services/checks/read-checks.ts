import type pg from 'pg';
import type { TCheckFinding, TChecksResponse } from '@planning-hub/contracts/api/policy';
import { formatMessage, formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import type { TSqlClient } from '../../database/transaction';
import { findRevisionByRef, parseRefOrThrow, refOf } from '../../data/input-set-revisions';
import { countFindings, type TStoredChecks } from './run-draft-checks';

type TFindingRow = {
  id: string;
  check_id: TCheckFinding['check'];
  severity: TCheckFinding['severity'];
  table_name: TCheckFinding['table'];
  key_columns: string[];
  key_values: string[];
  before_value: string | null;
  after_value: string | null;
  message_code: string;
  params: Record<string, string | number>;
};

/** The stored findings of a revision, in the order they were found (check by check). */
export async function readFindings(
  client: Pick<TSqlClient, 'query'>,
  inputSetId: number,
): Promise<TCheckFinding[]> {
  const { rows } = await client.query<TFindingRow>(
    `SELECT id::text AS id, check_id, severity, table_name, key_columns, key_values, before_value, after_value, message_code, params
       FROM planning_input_set_findings WHERE input_set_id = $1 ORDER BY id`,
    [inputSetId],
  );
  return rows.map((row) => ({
    id: row.id,
    check: row.check_id,
    severity: row.severity,
    table: row.table_name,
    keyColumns: row.key_columns,
    keyValues: row.key_values,
    before: row.before_value,
    after: row.after_value,
    messageCode: row.message_code,
    params: row.params,
    message: formatMessageOf('en', row.message_code, row.params) ?? row.message_code,
  }));
}

/** A revision's stored check outcome; null for one stored before approval gates existed. */
export async function readStoredChecks(
  client: Pick<TSqlClient, 'query'>,
  inputSetId: number,
): Promise<TStoredChecks | null> {
  const { rows } = await client.query<{ checks: Partial<TStoredChecks> }>(
    'SELECT checks FROM planning_input_sets WHERE id = $1',
    [inputSetId],
  );
  const checks = rows[0]?.checks;
  return checks && Array.isArray(checks.results) ? (checks as TStoredChecks) : null;
}

/**
 * GET /api/plans/input_sets/{ref}/checks (`planning checks --label <ref>`): what the label's
 * checks found when this revision was stored as a draft (docs/design.md section 11).
 */
export async function readChecks({
  pool,
  ref: refText,
}: {
  pool: pg.Pool;
  ref: string;
}): Promise<TChecksResponse> {
  const ref = parseRefOrThrow(refText);
  const client = await pool.connect();
  try {
    const revision = await findRevisionByRef(client, ref);
    const stored = await readStoredChecks(client, revision.id);
    const findings = stored ? await readFindings(client, revision.id) : [];
    const counts = countFindings(stored);
    const isFirst = stored !== null && stored.compared_with === null;
    return {
      ref: refOf(revision),
      label: revision.label,
      revision: revision.revision,
      checked: stored !== null,
      checkedAt: stored?.checked_at ?? null,
      policyVersion: stored?.policy_version ?? null,
      comparedWith: stored?.compared_with
        ? {
            revision: stored.compared_with.revision,
            ref: `${revision.label}@r${stored.compared_with.revision}`,
          }
        : null,
      notice: isFirst
        ? {
            messageCode: 'check.skipped_first',
            params: { label: revision.label },
            message: formatMessage('en', 'check.skipped_first', { label: revision.label }),
          }
        : null,
      errors: counts.errors,
      warnings: counts.warnings,
      checks: stored?.results ?? [],
      findings,
    };
  } finally {
    client.release();
  }
}
