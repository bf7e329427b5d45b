import { formatInputSetRef, type TInputSetRef } from '@planning-hub/contracts/labels';
import type { TSqlClient } from '../../database/transaction';
import { AppError, hintOf } from '../../errors/app-error';
import type { InputSet } from '../../generated/prisma/client';

/** planning_input_sets columns under the names of the Prisma model, so toSummary() takes the rows. */
export const INPUT_SET_COLUMNS = `id, label, revision, status::text AS status, version_id AS "versionId", note,
  content_hash AS "contentHash", row_counts AS "rowCounts", problems, error_count AS "errorCount",
  warning_count AS "warningCount", source, uploaded_by AS "uploadedBy", approved_by AS "approvedBy",
  approved_at AS "approvedAt", reviewer_id AS "reviewerId", review_comment AS "reviewComment", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Reads the revision a reference names now; under the label lock (`locked`) its
 * row is taken FOR UPDATE. `foo@draft` on a label that has revisions but no draft
 * is a 409 (another reviewer approved it first: the state moved on); everything
 * else that does not resolve is the runbook's `Input set 'foo' not found.` + hint.
 */
export async function readRevision(client: TSqlClient, ref: TInputSetRef, { locked }: { locked: boolean }): Promise<InputSet> {
  const condition =
    ref.kind === 'ready' ? "status = 'ready'" : ref.kind === 'draft' ? "status = 'draft'" : 'revision = $2';
  const params: unknown[] = ref.kind === 'revision' ? [ref.label, ref.revision] : [ref.label];
  const { rows } = await client.query<InputSet>(
    `SELECT ${INPUT_SET_COLUMNS} FROM planning_input_sets WHERE label = $1 AND ${condition}${locked ? ' FOR UPDATE' : ''}`,
    params,
  );
  if (rows[0]) return rows[0];

  const shown = formatInputSetRef(ref);
  const { rows: current } = await client.query<{ revision: number; status: string }>(
    "SELECT revision, status::text AS status FROM planning_input_sets WHERE label = $1 AND status <> 'archived' ORDER BY revision",
    [ref.label],
  );
  const { rows: anyRevision } = await client.query('SELECT 1 FROM planning_input_sets WHERE label = $1 LIMIT 1', [ref.label]);
  // `r3=ready,r4=draft`: the message's `revision_states` formatter says it in the reader's language.
  const state = current.map((o) => `r${o.revision}=${o.status}`).join(',');
  // Every revision starts as a draft: a label with revisions but no draft had one, and it moved on.
  if (ref.kind === 'draft' && anyRevision.length > 0) {
    throw state
      ? new AppError('conflict', 'error.review.gone_state', { ref: shown, state })
      : new AppError('conflict', 'error.review.gone', { ref: shown });
  }
  const draft = current.find((o) => o.status === 'draft');
  throw new AppError('not_found', 'error.input_set.not_found', { ref: shown }, {
    hint:
      ref.kind === 'ready' && draft
        ? hintOf('hint.input_set.only_draft_revision', { label: ref.label, revision: draft.revision })
        : hintOf('hint.input_set.check_label', {}),
  });
}

export async function updateRevision(
  client: TSqlClient,
  id: number,
  assignments: string,
  params: unknown[] = [],
): Promise<InputSet> {
  const { rows } = await client.query<InputSet>(
    `UPDATE planning_input_sets SET ${assignments}, updated_at = now() WHERE id = $1 RETURNING ${INPUT_SET_COLUMNS}`,
    [id, ...params],
  );
  return rows[0]!;
}
