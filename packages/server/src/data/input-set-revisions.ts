import { formatInputSetRef, parseInputSetRef, type TInputSetRef } from '@planning-hub/contracts/labels';
import type pg from 'pg';
import { AppError, hintOf } from '../errors/app-error';
import type { InputSet } from '../generated/prisma/client';

/**
 * Reads and writes of the revisions in planning_input_sets (CONTRIBUTING.md, "Raw SQL or
 * Prisma"): every function takes the client it runs on, a pool for a read or the
 * transaction's connection, so that services compose them inside one transaction.
 */
type TQueryClient = Pick<pg.ClientBase, 'query'>;

export function parseRefOrThrow(text: string): TInputSetRef {
  const ref = parseInputSetRef(text);
  if (!ref) {
    throw new AppError(
      'bad_request',
      'error.input_set.ref_invalid',
      { text: text.slice(0, 80) },
      {
        hint: hintOf('hint.input_set.ref_form', {}),
      },
    );
  }
  return ref;
}

/** The exact reference a person copies for a revision: `foo` (ready), `foo@draft`, `foo@rN`. */
export function refOf(row: Pick<InputSet, 'label' | 'status' | 'revision'>): string {
  if (row.status === 'ready') return row.label;
  if (row.status === 'draft') return `${row.label}@draft`;
  return `${row.label}@r${row.revision}`;
}

/**
 * planning_input_sets columns under the names of the Prisma model, so that rows read
 * here are the model's `InputSet` (input-set-columns.test.ts keeps the two lists equal).
 */
export const INPUT_SET_COLUMNS = `id, label, revision, status::text AS status, version_id AS "versionId", note,
  content_hash AS "contentHash", row_counts AS "rowCounts", problems, error_count AS "errorCount",
  warning_count AS "warningCount", source, checks, uploaded_by AS "uploadedBy", approved_by AS "approvedBy",
  approved_at AS "approvedAt", reviewer_id AS "reviewerId", review_comment AS "reviewComment", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The revision a reference names now (`foo` the ready one, `foo@draft`, `foo@rN`).
 *
 * `lock` takes the row FOR UPDATE (under the label lock). `toChange` (the default with
 * `lock`) says the caller means to change it: then `foo@draft` on a label whose draft has
 * moved on (approved by someone else first) is a 409 conflict, not a 404. Everything else
 * that does not resolve is the runbook's `Input set 'foo' not found.` with a hint
 * (docs/design.md section 4).
 */
export async function findRevisionByRef(
  client: TQueryClient,
  refOrText: TInputSetRef | string,
  { lock = false, toChange = lock }: { lock?: boolean; toChange?: boolean } = {},
): Promise<InputSet> {
  const ref = typeof refOrText === 'string' ? parseRefOrThrow(refOrText) : refOrText;
  const condition =
    ref.kind === 'ready' ? "status = 'ready'" : ref.kind === 'draft' ? "status = 'draft'" : 'revision = $2';
  const params: unknown[] = ref.kind === 'revision' ? [ref.label, ref.revision] : [ref.label];
  const { rows } = await client.query<InputSet>(
    `SELECT ${INPUT_SET_COLUMNS} FROM planning_input_sets WHERE label = $1 AND ${condition}${lock ? ' FOR UPDATE' : ''}`,
    params,
  );
  if (rows[0]) return rows[0];

  const shown = formatInputSetRef(ref);
  const { rows: current } = await client.query<{ revision: number; status: string }>(
    "SELECT revision, status::text AS status FROM planning_input_sets WHERE label = $1 AND status <> 'archived' ORDER BY revision",
    [ref.label],
  );
  if (toChange && ref.kind === 'draft') {
    const { rows: anyRevision } = await client.query(
      'SELECT 1 FROM planning_input_sets WHERE label = $1 LIMIT 1',
      [ref.label],
    );
    // Every revision starts as a draft: a label with revisions but no draft had one, and it moved on.
    if (anyRevision.length > 0) {
      // `r3=ready,r4=draft`: the message's `revision_states` formatter says it in the reader's language.
      const state = current.map((o) => `r${o.revision}=${o.status}`).join(',');
      throw state
        ? new AppError('conflict', 'error.review.gone_state', { ref: shown, state })
        : new AppError('conflict', 'error.review.gone', { ref: shown });
    }
  }
  const draft = current.find((o) => o.status === 'draft');
  throw new AppError(
    'not_found',
    'error.input_set.not_found',
    { ref: shown },
    {
      hint:
        ref.kind === 'ready' && draft
          ? hintOf('hint.input_set.only_draft_revision', { label: ref.label, revision: draft.revision })
          : hintOf('hint.input_set.check_label', {}),
    },
  );
}

/** The label's ready revision, or null; `lock` takes it FOR UPDATE. */
export async function findReadyRevision(
  client: TQueryClient,
  label: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<InputSet | null> {
  const { rows } = await client.query<InputSet>(
    `SELECT ${INPUT_SET_COLUMNS} FROM planning_input_sets WHERE label = $1 AND status = 'ready'${lock ? ' FOR UPDATE' : ''}`,
    [label],
  );
  return rows[0] ?? null;
}

/** The label's newest revision older than `revision`, whatever its status, or null. */
export async function findRevisionBefore(
  client: TQueryClient,
  label: string,
  revision: number,
): Promise<InputSet | null> {
  const { rows } = await client.query<InputSet>(
    `SELECT ${INPUT_SET_COLUMNS} FROM planning_input_sets WHERE label = $1 AND revision < $2 ORDER BY revision DESC LIMIT 1`,
    [label, revision],
  );
  return rows[0] ?? null;
}

/** The revision number of the label's draft when that is another revision than `revision`, else null. */
export async function findOtherDraftRevision(
  client: TQueryClient,
  revision: Pick<InputSet, 'id' | 'label'>,
): Promise<number | null> {
  const { rows } = await client.query<{ revision: number }>(
    "SELECT revision FROM planning_input_sets WHERE label = $1 AND status = 'draft' AND id <> $2 LIMIT 1",
    [revision.label, revision.id],
  );
  return rows[0]?.revision ?? null;
}

/**
 * The status changes of docs/design.md section 4, each with what it records. The database
 * lets a draft become ready only in the transaction that wrote its approve event.
 */
export type TRevisionTransition =
  | { to: 'ready'; approvedBy: string; reviewerId: string; comment: string }
  | { to: 'draft'; comment: string }
  | { to: 'archived'; comment?: string | undefined };

export async function transitionRevision(
  client: TQueryClient,
  id: number,
  transition: TRevisionTransition,
): Promise<InputSet> {
  const [assignments, params] = assignmentsOf(transition);
  const { rows } = await client.query<InputSet>(
    `UPDATE planning_input_sets SET ${assignments}, updated_at = now() WHERE id = $1 RETURNING ${INPUT_SET_COLUMNS}`,
    [id, ...params],
  );
  if (!rows[0]) throw new Error(`planning_input_sets row ${id} is gone`);
  return rows[0];
}

function assignmentsOf(transition: TRevisionTransition): [string, unknown[]] {
  switch (transition.to) {
    case 'ready':
      return [
        "status = 'ready', approved_by = $2, approved_at = now(), reviewer_id = $3, review_comment = $4",
        [transition.approvedBy, transition.reviewerId, transition.comment],
      ];
    case 'draft':
      return [
        "status = 'draft', approved_by = NULL, approved_at = NULL, reviewer_id = NULL, review_comment = $2",
        [transition.comment],
      ];
    case 'archived':
      return transition.comment === undefined
        ? ["status = 'archived'", []]
        : ["status = 'archived', review_comment = $2", [transition.comment]];
  }
}
