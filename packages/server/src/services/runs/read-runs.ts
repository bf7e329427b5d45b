import type { Readable } from 'node:stream';
import type { TListRunsQuery, TListRunsResponse, TRunDetail } from '@planning-hub/contracts/api/runs';
import { AppError } from '../../errors/app-error';
import type { PrismaClient, Run } from '../../generated/prisma/client';
import type { TArtifactStore } from './artifact-store';
import { toRunDetail, toRunSummary } from './to-run-summary';

type TRunsPrisma = Pick<PrismaClient, 'run'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Summaries leave the (possibly large) plan result in the database. */
export const RUN_SUMMARY_SELECT = { result: false } as const;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export async function findRunOrThrow(prisma: TRunsPrisma, id: string): Promise<Run & { plan: { name: string } | null }> {
  const run = isUuid(id) ? await prisma.run.findUnique({ where: { id }, include: { plan: { select: { name: true } } } }) : null;
  if (!run) {
    throw new AppError('not_found', {
      message: `Run '${id.slice(0, 80)}' not found.`,
      hint: 'Run ids are UUIDs; `planning runs list` and GET /api/runs show recent runs.',
    });
  }
  return run;
}

/** One run with its plan result. */
export async function getRun({ prisma }: { prisma: TRunsPrisma }, id: string): Promise<TRunDetail> {
  return toRunDetail(await findRunOrThrow(prisma, id));
}

/** Newest runs first, optionally of one plan. */
export async function listRuns({ prisma }: { prisma: TRunsPrisma }, query: TListRunsQuery): Promise<TListRunsResponse> {
  if (query.plan_id !== undefined && !isUuid(query.plan_id)) return { items: [] };
  const runs = await prisma.run.findMany({
    where: query.plan_id ? { planId: query.plan_id } : {},
    omit: RUN_SUMMARY_SELECT,
    include: { plan: { select: { name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
  });
  return { items: runs.map((run) => toRunSummary({ ...run, result: null })) };
}

/**
 * The exact bytes of a run's planning_input_set.json (runbook section 5: download
 * it from Run detail and check its hash). Kept in the artifact store, so it stays
 * downloadable after the input set is archived.
 */
export async function openRunArtifact(
  { prisma, artifacts }: { prisma: TRunsPrisma; artifacts: Pick<TArtifactStore, 'open'> },
  id: string,
): Promise<{ stream: Readable; bytes: number; sha256: string; runId: string }> {
  const run = await findRunOrThrow(prisma, id);
  if (!run.artifactPath || !run.artifactSha256) {
    throw new AppError('not_found', {
      message: `Run '${run.id}' has no planning_input_set.json.`,
      hint:
        run.status === 'failed'
          ? `The run failed: ${run.error ?? 'see the run detail'}`
          : 'Only runs with a ready input set write it; this run has a Legacy mode or Missing InputSet warning.',
    });
  }
  const opened = await artifacts.open(run.artifactPath);
  if (!opened) {
    throw new AppError('not_found', {
      message: `The planning_input_set.json of run '${run.id}' is missing from the artifact store.`,
      hint: `Expected ${run.artifactPath} under ARTIFACT_DIR (sha256 ${run.artifactSha256}); check ARTIFACT_DIR.`,
    });
  }
  return { ...opened, sha256: run.artifactSha256, runId: run.id };
}
