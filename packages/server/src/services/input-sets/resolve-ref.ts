import { formatInputSetRef, parseInputSetRef, type TInputSetRef } from '@planning-hub/contracts/labels';
import type { THintMessageCode } from '@planning-hub/contracts/messages/catalog';
import type { TMessage } from '@planning-hub/contracts/messages/format-message';
import { AppError, hintOf } from '../../errors/app-error';
import type { InputSet, PrismaClient } from '../../generated/prisma/client';

export function parseRefOrThrow(text: string): TInputSetRef {
  const ref = parseInputSetRef(text);
  if (!ref) {
    throw new AppError('bad_request', 'error.input_set.ref_invalid', { text: text.slice(0, 80) }, {
      hint: hintOf('hint.input_set.ref_form', {}),
    });
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
 * Finds the revision a reference names. `foo` means the ready revision only:
 * when just a draft exists the runbook's message comes with a hint to `foo@draft`.
 */
export async function findRevision(
  { prisma }: { prisma: Pick<PrismaClient, 'inputSet'> },
  refText: string,
): Promise<InputSet> {
  const ref = parseRefOrThrow(refText);
  const where =
    ref.kind === 'ready'
      ? { label: ref.label, status: 'ready' as const }
      : ref.kind === 'draft'
        ? { label: ref.label, status: 'draft' as const }
        : { label: ref.label, revision: ref.revision };
  const found = await prisma.inputSet.findFirst({ where });
  if (found) return found;

  const shown = formatInputSetRef(ref);
  let hint: TMessage<THintMessageCode> | undefined;
  if (ref.kind === 'ready') {
    const draft = await prisma.inputSet.findFirst({ where: { label: ref.label, status: 'draft' } });
    if (draft) hint = hintOf('hint.input_set.only_draft', { label: ref.label });
  }
  hint ??= hintOf('hint.input_set.check_label', {});
  throw new AppError('not_found', 'error.input_set.not_found', { ref: shown }, { hint });
}
