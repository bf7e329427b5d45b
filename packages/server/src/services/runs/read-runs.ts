import type { Readable } from 'node:stream';
import type { TListRunsQuery, TListRunsResponse, TRunDetail } from '@planning-hub/contracts/api/runs';
import { findRun, listRuns as listRunRows, type TRunWithPlan } from '../../data/runs';
import { AppError, hintOf } from '../../errors/app-error';
import type { PrismaClient } from '../../generated/prisma/client';
import type { TArtifactStore } from './artifact-store';
import { toRunDetail, toRunSummary } from './to-run-summary';

type TRunsPrisma = Pick<PrismaClient, 'run'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export async function findRunOrThrow(prisma: TRunsPrisma, id: string): Promise<TRunWithPlan> {
  const run = isUuid(id) ? await findRun(prisma, id) : null;
  if (!run) {
    throw new AppError(
      'not_found',
      'error.run.not_found',
      { id: id.slice(0, 80) },
      { hint: hintOf('hint.run.ids', {}) },
    );
  }
  return run;
}

/** One run with its plan result. */
export async function getRun({ prisma }: { prisma: TRunsPrisma }, id: string): Promise<TRunDetail> {
  return toRunDetail(await findRunOrThrow(prisma, id));
}

/** Newest runs first, optionally of one plan. */
export async function listRuns(
  { prisma }: { prisma: TRunsPrisma },
  query: TListRunsQuery,
): Promise<TListRunsResponse> {
  if (query.plan_id !== undefined && !isUuid(query.plan_id)) return { items: [] };
  const runs = await listRunRows(prisma, { planId: query.plan_id, limit: query.limit });
  return { items: runs.map(toRunSummary) };
}

/**
 * The exact bytes of a run's planning_input_set.json (docs/runbook.ja.md section 5: download
 * it from Run detail and check its hash). Kept in the artifact store, so it stays
 * downloadable after the input set is archived.
 */
export async function openRunArtifact(
  { prisma, artifacts }: { prisma: TRunsPrisma; artifacts: Pick<TArtifactStore, 'open'> },
  id: string,
): Promise<{ stream: Readable; bytes: number; sha256: string; runId: string }> {
  const run = await findRunOrThrow(prisma, id);
  if (!run.artifactPath || !run.artifactSha256) {
    const hint =
      run.status !== 'failed'
        ? hintOf('hint.run.no_snapshot', {})
        : run.error
          ? hintOf('hint.run.failed', { detail: run.error })
          : hintOf('hint.run.failed_see_detail', {});
    throw new AppError('not_found', 'error.run.no_snapshot', { id: run.id }, { hint });
  }
  const opened = await artifacts.open(run.artifactPath);
  if (!opened) {
    throw new AppError(
      'not_found',
      'error.run.snapshot_missing',
      { id: run.id },
      {
        hint: hintOf('hint.run.check_artifact_dir', {
          path: String(run.artifactPath),
          sha256: String(run.artifactSha256),
        }),
      },
    );
  }
  return { ...opened, sha256: run.artifactSha256, runId: run.id };
}
