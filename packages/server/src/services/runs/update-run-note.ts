import type { TRunDetail } from '@planning-hub/contracts/api/runs';
import { updateRunNote as updateRunNoteRow } from '../../data/runs';
import type { PrismaClient } from '../../generated/prisma/client';
import { findRunOrThrow } from './read-runs';
import { toRunDetail } from './to-run-summary';

export const MAX_RUN_NOTE = 4000;

/**
 * Sets a run's note. The runbook's Legacy mode exception: when a run cannot be
 * repeated with a ready input set, the CSV bundle's evidence and the reason go here.
 */
export async function updateRunNote(
  { prisma }: { prisma: Pick<PrismaClient, 'run'> },
  { id, note }: { id: string; note: string },
): Promise<TRunDetail> {
  await findRunOrThrow(prisma, id);
  const text = note.trim().slice(0, MAX_RUN_NOTE);
  return toRunDetail(await updateRunNoteRow(prisma, id, text.length > 0 ? text : null));
}
