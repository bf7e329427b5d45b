import type {
  TInputSetDetail,
  TInputSetSummary,
  TRevisionActions,
  TRowCounts,
} from '@planning-hub/contracts/api/input-sets';
import type { TProblem, TProblemSummary } from '@planning-hub/contracts/problems';
import type { InputSet, Prisma } from '../../generated/prisma/client';
import { refOf } from '../../data/input-set-revisions';

/**
 * The columns a summary shows. Lists select only these: `problems` (up to
 * 1,000 per code) and `source` are read for one revision's detail, never for a page.
 */
export const SUMMARY_SELECT = {
  id: true,
  label: true,
  revision: true,
  status: true,
  versionId: true,
  note: true,
  contentHash: true,
  rowCounts: true,
  errorCount: true,
  warningCount: true,
  uploadedBy: true,
  approvedBy: true,
  approvedAt: true,
  reviewerId: true,
  reviewComment: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.InputSetSelect;

export type TSummaryRow = Prisma.InputSetGetPayload<{ select: typeof SUMMARY_SELECT }>;

export function toSummary(row: TSummaryRow): TInputSetSummary {
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
    reviewerId: row.reviewerId,
    reviewComment: row.reviewComment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type TStoredSource = { summary?: TProblemSummary } & Record<string, unknown>;

/** A problem as stored: one recorded before problems had message codes has its English message only. */
type TStoredProblem = Omit<TProblem, 'messageCode' | 'params'> &
  Partial<Pick<TProblem, 'messageCode' | 'params'>>;

/** A stored problem with a message code: an old record's English message is kept as it was recorded. */
function withMessageCode(problem: TStoredProblem): TProblem {
  if (problem.messageCode !== undefined && problem.params !== undefined) return problem as TProblem;
  return { ...problem, messageCode: 'problem.as_recorded', params: { message: problem.message } };
}

export function toDetail(row: InputSet, actions: TRevisionActions): TInputSetDetail {
  const source = (row.source ?? {}) as TStoredSource;
  const { summary, ...rest } = source;
  return {
    ...toSummary(row),
    problems: (row.problems as TStoredProblem[]).map(withMessageCode),
    problemSummary: summary ?? {
      errors: row.errorCount,
      warnings: row.warningCount,
      byCode: {},
      truncated: false,
    },
    source: rest as TInputSetDetail['source'],
    actions,
  };
}
