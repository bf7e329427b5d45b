import type { TInputSetDetail, TInputSetSummary, TRowCounts } from '@planning-hub/contracts/api/input-sets';
import type { TProblem, TProblemSummary } from '@planning-hub/contracts/problems';
import type { InputSet } from '../../generated/prisma/client';
import { refOf } from './resolve-ref';

export function toSummary(row: InputSet): TInputSetSummary {
  return {
    id: row.id,
    label: row.label,
    revision: row.revision,
    ref: refOf(row),
    status: row.status,
    versionId: row.versionId,
    note: row.note,
    contentHash: row.contentHash,
    rowCounts: row.rowCounts as TRowCounts,
    errorCount: row.errorCount,
    warningCount: row.warningCount,
    uploadedBy: row.uploadedBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type TStoredSource = { summary?: TProblemSummary } & Record<string, unknown>;

export function toDetail(row: InputSet): TInputSetDetail {
  const source = (row.source ?? {}) as TStoredSource;
  const { summary, ...rest } = source;
  return {
    ...toSummary(row),
    problems: row.problems as TProblem[],
    problemSummary: summary ?? { errors: row.errorCount, warnings: row.warningCount, byCode: {}, truncated: false },
    source: rest as TInputSetDetail['source'],
  };
}
