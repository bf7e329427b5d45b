import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  INPUT_SET_ARTIFACT,
  type TPlanResult,
  type TRunDetail,
  type TRunEntrypoint,
} from '@planning-hub/contracts/api/runs';
import { computePlan } from '@planning-hub/core/plan/compute-plan';
import { PlanInputError } from '@planning-hub/core/plan/plan-params';
import { hideServerPaths } from '@planning-hub/core/text/hide-server-paths';
import { finishRun, insertRun, type TRunOutcome, type TRunRevision } from '../../data/runs';
import type { PrismaClient } from '../../generated/prisma/client';
import type { TLogger } from '../../observability/logger';
import type { TMetrics } from '../../observability/metrics';
import { ArtifactWriteError, type TArtifactStore } from './artifact-store';
import { findPlanOrThrow } from './plans';
import { parseRunLabel, resolveRunInput } from './resolve-run-input';
import { toRunDetail } from './to-run-summary';
import { ContentHashMismatchError, writeRunSnapshot } from './write-run-snapshot';

export type TCreateRunInput = {
  entrypoint: TRunEntrypoint;
  planId?: string | undefined;
  /** A label; when absent the plan's default label; when both are absent, Legacy mode. */
  inputSetLabel?: string | undefined;
  note?: string | undefined;
  /** Who started the run: the API user, or `cli:<os user>`. */
  principal: string;
};

export type TCreateRunDeps = {
  prisma: Pick<PrismaClient, 'run' | 'plan' | 'inputSet'>;
  pool: pg.Pool;
  metrics: Pick<TMetrics, 'runWithoutInputSet' | 'planArtifactWriteError'>;
  artifacts: TArtifactStore;
  logger: Pick<TLogger, 'error' | 'warn'>;
};

/**
 * Starts a plan run and carries it to the end (docs/design.md section 7, docs/runbook.ja.md section 5):
 * resolves the label to its ready revision (warning Legacy mode or Missing InputSet
 * otherwise), writes the hashed planning_input_set.json snapshot to the artifact
 * store and computes the plan from the same stream. A store failure fails the run
 * with a readable message and counts plan_artifact_write_error_total.
 */
export async function createRun(deps: TCreateRunDeps, input: TCreateRunInput): Promise<TRunDetail> {
  const plan = input.planId !== undefined ? await findPlanOrThrow(deps.prisma, input.planId) : null;
  const label =
    input.inputSetLabel !== undefined
      ? parseRunLabel(input.inputSetLabel)
      : (plan?.defaultInputSetLabel ?? null);
  const runId = randomUUID();
  const resolved = await resolveRunInput(deps, { label, runId, planId: plan?.id ?? null });
  const revision = resolved.kind === 'ready' ? resolved.revision : null;

  await insertRun(deps.prisma, {
    id: runId,
    planId: plan?.id ?? null,
    entrypoint: input.entrypoint,
    inputSetLabel: resolved.label,
    inputSetId: revision?.id ?? null,
    inputSetRevision: revision?.revision ?? null,
    inputSetVersionId: revision?.versionId ?? null,
    contentHash: revision?.contentHash ?? null,
    warnings: resolved.warnings,
    note: input.note?.trim() || null,
    createdBy: input.principal,
  });
  if (resolved.kind === 'legacy') deps.metrics.runWithoutInputSet.inc({ entrypoint: input.entrypoint });

  let outcome: TRunOutcome<TPlanResult> = { status: 'succeeded' };
  if (revision) {
    try {
      outcome = await executeRun(deps, runId, revision);
    } catch (error) {
      deps.logger.error({ err: error, runId }, 'plan_run_failed');
      outcome = {
        status: 'failed',
        error: `The run stopped on an unexpected error; the server log has the details (run ${runId}).`,
      };
    }
  }
  return toRunDetail(await finishRun(deps.prisma, runId, outcome));
}

/** Snapshot, then plan; the failures an operator can act on become the run's error text. */
async function executeRun(
  deps: TCreateRunDeps,
  runId: string,
  revision: TRunRevision,
): Promise<TRunOutcome<TPlanResult>> {
  const key = `runs/${runId}/${INPUT_SET_ARTIFACT}`;
  let snapshot: Awaited<ReturnType<typeof writeRunSnapshot>>;
  try {
    snapshot = await writeRunSnapshot(deps, { revision, key });
  } catch (error) {
    if (error instanceof ArtifactWriteError) {
      deps.metrics.planArtifactWriteError.inc({ artifact: INPUT_SET_ARTIFACT });
      // The log has the full paths; viewers read the run's error, where the store is ARTIFACT_DIR.
      deps.logger.error(
        { err: error, runId, artifact: INPUT_SET_ARTIFACT, artifactDir: deps.artifacts.location },
        'plan_artifact_write_error',
      );
      const reason = hideServerPaths(error.message, [
        { dir: deps.artifacts.location, shownAs: 'ARTIFACT_DIR' },
      ]);
      return {
        status: 'failed',
        error: `${reason}. Check that ARTIFACT_DIR is a writable folder with free space (the server log names it), then run again.`,
      };
    }
    if (error instanceof ContentHashMismatchError) return { status: 'failed', error: error.message };
    throw error;
  }
  const artifact = {
    artifactPath: snapshot.artifact.key,
    artifactSha256: snapshot.artifact.sha256,
    artifactBytes: BigInt(snapshot.artifact.bytes),
  };
  try {
    return { status: 'succeeded', ...artifact, result: computePlan(snapshot.planInput) };
  } catch (error) {
    if (error instanceof PlanInputError)
      return { status: 'failed', ...artifact, error: `Could not compute the plan: ${error.message}` };
    throw error;
  }
}
