import type pg from 'pg';
import {
  DEFAULT_POLICY,
  ZPolicyDocument,
  type TLabelPolicy,
  type TPolicyDocument,
  type TPutPolicyResponse,
} from '@planning-hub/contracts/api/policy';
import { ZLabel } from '@planning-hub/contracts/labels';
import { lockLabel, withTransaction, type TSqlClient } from '../../database/transaction';
import { AppError } from '../../errors/app-error';
import { actorLabel, type TActor } from '../auth/actor';
import { recordEvent } from '../events/record-event';

type TPolicyRow = { version: number; document: unknown; created_at: Date; created_by: string };

/** A label as the policy endpoints take it (no `@`: a policy belongs to the label, not a revision). */
export function parseLabelOrThrow(text: string): string {
  const parsed = ZLabel.safeParse(text);
  if (!parsed.success) {
    throw new AppError('bad_request', 'error.input_set.label_value_invalid', {
      text: text.slice(0, 80),
      detail: String(parsed.error.issues[0]?.message),
    });
  }
  return parsed.data;
}

/**
 * The label's current policy (docs/design.md section 11): its newest version, or the default
 * policy (version 0) when it has none. A stored document is read through the contract,
 * so a version written under an older schema still answers with every field.
 */
export async function readLabelPolicy(
  client: Pick<TSqlClient, 'query'>,
  label: string,
): Promise<TLabelPolicy> {
  const { rows } = await client.query<TPolicyRow>(
    `SELECT version, document, created_at, created_by FROM planning_input_set_policies
      WHERE label = $1 ORDER BY version DESC LIMIT 1`,
    [label],
  );
  const row = rows[0];
  if (!row)
    return { label, version: 0, isDefault: true, updatedAt: null, updatedBy: null, policy: DEFAULT_POLICY };
  const parsed = ZPolicyDocument.safeParse(row.document);
  return {
    label,
    version: row.version,
    isDefault: false,
    updatedAt: row.created_at.toISOString(),
    updatedBy: row.created_by,
    policy: parsed.success ? parsed.data : DEFAULT_POLICY,
  };
}

/** GET /api/plans/input_sets/{label}/policy */
export async function getLabelPolicy({
  pool,
  label,
}: {
  pool: pg.Pool;
  label: string;
}): Promise<TLabelPolicy> {
  return readLabelPolicy(pool, parseLabelOrThrow(label));
}

/**
 * PUT /api/plans/input_sets/{label}/policy (admin): stores the next version of the label's
 * policy and its `policy_update` event (previous and new version, the document) in one
 * transaction under the label lock, on the label's hash chain. Drafts stored later are
 * checked with it; findings already stored keep the policy they were found under.
 */
export async function setLabelPolicy({
  pool,
  label: labelText,
  document,
  actor,
}: {
  pool: pg.Pool;
  label: string;
  document: TPolicyDocument;
  actor: TActor;
}): Promise<TPutPolicyResponse> {
  const label = parseLabelOrThrow(labelText);
  const policy = ZPolicyDocument.parse(document);
  return withTransaction(pool, async (client) => {
    await lockLabel(client, label);
    const previous = await readLabelPolicy(client, label);
    const version = previous.version + 1;
    const { rows } = await client.query<{ created_at: Date }>(
      `INSERT INTO planning_input_set_policies (label, version, document, created_by) VALUES ($1, $2, $3, $4) RETURNING created_at`,
      [label, version, JSON.stringify(policy), actor.username],
    );
    const event = await recordEvent(client, {
      label,
      inputSetId: null,
      revision: null,
      action: 'policy_update',
      actor: actorLabel(actor),
      principal: actor.username,
      userId: actor.userId,
      comment: `policy version ${version}`,
      metadata: { previous_version: previous.version, version, policy },
    });
    return {
      label,
      version,
      isDefault: false,
      updatedAt: rows[0]!.created_at.toISOString(),
      updatedBy: actor.username,
      policy,
      event,
    };
  });
}
