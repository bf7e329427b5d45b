import { formatInputSetRef, parseInputSetRef, type TInputSetRef } from '@planning-hub/contracts/labels';
import { AppError } from '../../errors/app-error';
import type { InputSet, PrismaClient } from '../../generated/prisma/client';

export function parseRefOrThrow(text: string): TInputSetRef {
  const ref = parseInputSetRef(text);
  if (!ref) {
    throw new AppError('bad_request', {
      message: `'${text.slice(0, 80)}' is not an input set reference.`,
      hint: 'Use a label (weekly_refresh), label@draft or label@rN: lowercase a-z, 0-9, ".", "_" and "-".',
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
  let hint: string | undefined;
  if (ref.kind === 'ready') {
    const draft = await prisma.inputSet.findFirst({ where: { label: ref.label, status: 'draft' } });
    if (draft) hint = `Only a draft exists: use '${ref.label}@draft', or approve it first.`;
  }
  hint ??= 'Check the label for typos; `planning list` shows every label and its exact reference.';
  throw new AppError('not_found', { message: `Input set '${shown}' not found.`, hint });
}
