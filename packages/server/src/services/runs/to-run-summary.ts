import { API } from '@planning-hub/contracts/api/routes';
import {
  INPUT_SET_ARTIFACT,
  type TPlanResult,
  type TRunDetail,
  type TRunEntrypoint,
  type TRunSummary,
  type TRunWarning,
} from '@planning-hub/contracts/api/runs';
import type { TRunWithPlan } from '../../data/runs';

/** A warning stored before warnings had message codes keeps its English message as its one part. */
function withMessageParts(
  warning: Omit<TRunWarning, 'messageParts'> & Partial<Pick<TRunWarning, 'messageParts'>>,
): TRunWarning {
  return warning.messageParts
    ? (warning as TRunWarning)
    : {
        ...warning,
        messageParts: [{ messageCode: 'run.as_recorded', params: { message: warning.message } }],
      };
}

export function toRunSummary(run: TRunWithPlan): TRunSummary {
  const hasArtifact = run.artifactSha256 !== null && run.artifactPath !== null;
  return {
    id: run.id,
    planId: run.planId,
    planName: run.plan?.name ?? null,
    entrypoint: run.entrypoint as TRunEntrypoint,
    status: run.status,
    inputSetLabel: run.inputSetLabel,
    inputSetRevision: run.inputSetRevision,
    inputSetVersionId: run.inputSetVersionId,
    contentHash: run.contentHash,
    warnings: (run.warnings as TRunWarning[]).map(withMessageParts),
    error: run.error,
    note: run.note,
    sha256: hasArtifact ? run.artifactSha256 : null,
    artifact: hasArtifact
      ? {
          name: INPUT_SET_ARTIFACT,
          bytes: Number(run.artifactBytes ?? 0),
          sha256: run.artifactSha256!,
          url: API.runArtifact(run.id),
        }
      : null,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function toRunDetail(run: TRunWithPlan): TRunDetail {
  return { ...toRunSummary(run), result: (run.result as TPlanResult | null) ?? null };
}
