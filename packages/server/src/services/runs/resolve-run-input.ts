import { parseInputSetRef } from '@planning-hub/contracts/labels';
import type { TRunWarning } from '@planning-hub/contracts/api/runs';
import {
  legacyModeWarning,
  missingInputSetWarning,
  type TOtherRevision,
} from '@planning-hub/core/plan/run-warnings';
import { findNewestRevision, listReadyLabels, type TRunRevision } from '../../data/runs';
import { AppError, hintOf } from '../../errors/app-error';
import type { InputSet, PrismaClient } from '../../generated/prisma/client';

type TInputSetPrisma = Pick<PrismaClient, 'inputSet'>;

/** How many ready labels a Legacy mode card suggests. */
const SUGGESTED_READY_LABELS = 3;

export type TRunInput =
  | { kind: 'ready'; label: string; revision: TRunRevision; warnings: [] }
  | { kind: 'legacy' | 'missing'; label: string | null; revision: null; warnings: TRunWarning[] };

/** A run names a label, i.e. its ready revision; `foo@draft` and `foo@r3` are refused. */
export function parseRunLabel(text: string): string {
  const ref = parseInputSetRef(text);
  if (!ref) {
    throw new AppError(
      'bad_request',
      'error.input_set.not_a_label',
      { text: text.slice(0, 80) },
      { hint: hintOf('hint.label.form', {}) },
    );
  }
  if (ref.kind !== 'ready') {
    const hint = hintOf('hint.run.name_label', { label: ref.label });
    throw ref.kind === 'draft'
      ? new AppError('bad_request', 'error.run.draft_named', { text }, { hint })
      : new AppError('bad_request', 'error.run.revision_named', { text }, { hint });
  }
  return ref.label;
}

const otherRevision = (row: TRunRevision | null): TOtherRevision | null =>
  row ? { revision: row.revision, versionId: row.versionId, errorCount: row.errorCount } : null;

/**
 * What a run reads (docs/design.md section 7): the ready revision of its label; no
 * label is Legacy mode, a label without a ready revision is Missing InputSet.
 */
export async function resolveRunInput(
  { prisma }: { prisma: TInputSetPrisma },
  { label, runId, planId }: { label: string | null; runId: string; planId: string | null },
): Promise<TRunInput> {
  if (label === null) {
    const readyLabels = await listReadyLabels(prisma, SUGGESTED_READY_LABELS);
    return {
      kind: 'legacy',
      label: null,
      revision: null,
      warnings: [legacyModeWarning({ runId, planId, readyLabels })],
    };
  }
  const newest = (status: InputSet['status']) => findNewestRevision(prisma, label, status);
  const ready = await newest('ready');
  if (ready) return { kind: 'ready', label, revision: ready, warnings: [] };
  const warning = missingInputSetWarning({
    label,
    planId,
    draft: otherRevision(await newest('draft')),
    archived: otherRevision(await newest('archived')),
  });
  return { kind: 'missing', label, revision: null, warnings: [warning] };
}
