import type { TActionBlock, TRevisionActions } from '@planning-hub/contracts/api/input-sets';
import type pg from 'pg';
import { findOtherDraftRevision } from '../../data/input-set-revisions';
import type { InputSet } from '../../generated/prisma/client';
import { readStoredChecks } from '../checks/read-checks';
import { countFindings } from '../checks/run-draft-checks';

type TRevisionState = Pick<InputSet, 'status' | 'errorCount' | 'warningCount'>;
type TFindingCounts = { errors: number; warnings: number };
const NO_FINDINGS: TFindingCounts = { errors: 0, warnings: 0 };

/**
 * What a revision's state allows (docs/design.md sections 4 and 11), the one place the
 * rules live: the detail answers it, and approve, revert and archive refuse for the same
 * reasons. `findings` are the approval gates' findings of a draft (none when left out);
 * `hasDraft` whether the label has a draft besides this revision (findOtherDraftRevision).
 */
export function revisionActions(
  revision: TRevisionState,
  { findings = NO_FINDINGS, hasDraft = false }: { findings?: TFindingCounts; hasDraft?: boolean } = {},
): TRevisionActions {
  const approve: TActionBlock | null =
    revision.status !== 'draft'
      ? 'approveNeedsDraft'
      : revision.errorCount > 0
        ? 'approveHasErrors'
        : findings.errors > 0
          ? 'approveHasCheckErrors'
          : null;
  const revert: TActionBlock | null =
    revision.status !== 'ready' ? 'revertNeedsReady' : hasDraft ? 'revertHasDraft' : null;
  const archive: TActionBlock | null = revision.status === 'archived' ? 'archiveAlreadyArchived' : null;
  return {
    approve: { allowed: approve === null, reason: approve },
    revert: { allowed: revert === null, reason: revert },
    archive: { allowed: archive === null, reason: archive },
    warningsToAcknowledge: revision.status === 'draft' ? revision.warningCount + findings.warnings : 0,
  };
}

/** The actions of a stored revision: reads its findings (a draft) or whether the label has a draft (ready). */
export async function readRevisionActions(
  client: Pick<pg.ClientBase, 'query'>,
  revision: InputSet,
): Promise<TRevisionActions> {
  const findings =
    revision.status === 'draft' ? countFindings(await readStoredChecks(client, revision.id)) : NO_FINDINGS;
  // Only a ready revision's actions depend on the draft (revert).
  const hasDraft = revision.status === 'ready' && (await findOtherDraftRevision(client, revision)) !== null;
  return revisionActions(revision, { findings, hasDraft });
}
