import type pg from 'pg';
import { useBulkTimeouts, type TSqlClient } from '../database/transaction';
import type { InputSet, Plan, Prisma, PrismaClient, Run } from '../generated/prisma/client';

/**
 * Reads and writes of plans and runs (CONTRIBUTING.md, "Raw SQL or Prisma"): row CRUD
 * through Prisma, and the read-only transaction in which a run's snapshot streams its
 * revision's rows (COPY, services/input-sets/copy-rows.ts). Every function takes the
 * client it runs on first (the Prisma client or a transaction of it, the pool); the rules
 * (which revision a run reads, names, lengths) are in services/runs.
 */
type TRunsClient = Pick<PrismaClient, 'run'>;
type TPlansClient = Pick<PrismaClient, 'plan'>;
type TInputSetsClient = Pick<PrismaClient, 'inputSet'>;

export type TRunWithPlan = Run & { plan: { name: string } | null };
/** A plan with its newest runs, without their (possibly large) plan results. */
export type TPlanWithRuns = Plan & { runs: Omit<Run, 'result'>[] };

const WITH_PLAN_NAME = { plan: { select: { name: true } } } as const;
/** Summaries leave the (possibly large) plan result in the database. */
const WITHOUT_RESULT = { result: false } as const;
const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** The run `id` (a UUID) with its plan's name, or null. */
export async function findRun(client: TRunsClient, id: string): Promise<TRunWithPlan | null> {
  return client.run.findUnique({ where: { id }, include: WITH_PLAN_NAME });
}

/** Newest runs first, optionally of one plan, without their results. */
export async function listRuns(
  client: TRunsClient,
  { planId, limit }: { planId: string | undefined; limit: number },
): Promise<TRunWithPlan[]> {
  const runs = await client.run.findMany({
    where: planId ? { planId } : {},
    omit: WITHOUT_RESULT,
    include: WITH_PLAN_NAME,
    orderBy: NEWEST_FIRST,
    take: limit,
  });
  return runs.map((run) => ({ ...run, result: null }));
}

export type TNewRun = Pick<
  Run,
  | 'id'
  | 'planId'
  | 'entrypoint'
  | 'inputSetLabel'
  | 'inputSetId'
  | 'inputSetRevision'
  | 'inputSetVersionId'
  | 'contentHash'
  | 'note'
  | 'createdBy'
> & { warnings: unknown[] };

/** Records a run as `running`. */
export async function insertRun(client: TRunsClient, run: TNewRun): Promise<void> {
  await client.run.create({
    data: { ...run, status: 'running', warnings: run.warnings as Prisma.InputJsonValue },
  });
}

export type TRunOutcome<TResult = unknown> = {
  status: 'succeeded' | 'failed';
  error?: string | undefined;
  artifactPath?: string | undefined;
  artifactSha256?: string | undefined;
  artifactBytes?: bigint | undefined;
  result?: TResult | undefined;
};

/** Records how a run ended, now. */
export async function finishRun(
  client: TRunsClient,
  id: string,
  outcome: TRunOutcome,
): Promise<TRunWithPlan> {
  return client.run.update({
    where: { id },
    data: {
      status: outcome.status,
      error: outcome.error ?? null,
      artifactPath: outcome.artifactPath ?? null,
      artifactSha256: outcome.artifactSha256 ?? null,
      artifactBytes: outcome.artifactBytes ?? null,
      ...(outcome.result ? { result: outcome.result as Prisma.InputJsonValue } : {}),
      finishedAt: new Date(),
    },
    include: WITH_PLAN_NAME,
  });
}

/** Sets or (null) clears a run's note. */
export async function updateRunNote(
  client: TRunsClient,
  id: string,
  note: string | null,
): Promise<TRunWithPlan> {
  return client.run.update({ where: { id }, data: { note }, include: WITH_PLAN_NAME });
}

/** The runs a plan shows with it: its `recentRuns` newest. */
function withRecentRuns(recentRuns: number) {
  return { runs: { omit: WITHOUT_RESULT, orderBy: NEWEST_FIRST, take: recentRuns } };
}

/** The plan `id` (a UUID), or null. */
export async function findPlan(client: TPlansClient, id: string): Promise<Plan | null> {
  return client.plan.findUnique({ where: { id } });
}

export async function findPlanByName(client: TPlansClient, name: string): Promise<Plan | null> {
  return client.plan.findUnique({ where: { name } });
}

/** The plan `id` with its newest runs; throws when it is gone. */
export async function findPlanWithRuns(
  client: TPlansClient,
  id: string,
  { recentRuns }: { recentRuns: number },
): Promise<TPlanWithRuns> {
  return client.plan.findUniqueOrThrow({ where: { id }, include: withRecentRuns(recentRuns) });
}

/** Every plan, by name, with its newest runs. */
export async function listPlansWithRuns(
  client: TPlansClient,
  { recentRuns }: { recentRuns: number },
): Promise<TPlanWithRuns[]> {
  return client.plan.findMany({ orderBy: { name: 'asc' }, include: withRecentRuns(recentRuns) });
}

/** Stores a new plan; a taken name throws Prisma's unique violation (P2002). */
export async function insertPlan(
  client: TPlansClient,
  plan: Pick<Plan, 'name' | 'defaultInputSetLabel' | 'createdBy'>,
  { recentRuns }: { recentRuns: number },
): Promise<TPlanWithRuns> {
  return client.plan.create({ data: plan, include: withRecentRuns(recentRuns) });
}

export async function updatePlanLabel(
  client: TPlansClient,
  id: string,
  defaultInputSetLabel: string | null,
  { recentRuns }: { recentRuns: number },
): Promise<TPlanWithRuns> {
  return client.plan.update({
    where: { id },
    data: { defaultInputSetLabel, updatedAt: new Date() },
    include: withRecentRuns(recentRuns),
  });
}

const RUN_REVISION_FIELDS = {
  id: true,
  label: true,
  revision: true,
  status: true,
  versionId: true,
  contentHash: true,
  errorCount: true,
} as const;
/** What a run records of the revision it reads, or of the ones its warnings name. */
export type TRunRevision = Pick<InputSet, keyof typeof RUN_REVISION_FIELDS>;

/** The first `limit` labels that have a ready revision, by label. */
export async function listReadyLabels(client: TInputSetsClient, limit: number): Promise<string[]> {
  const ready = await client.inputSet.findMany({
    where: { status: 'ready' },
    select: { label: true },
    orderBy: { label: 'asc' },
    take: limit,
  });
  return ready.map((r) => r.label);
}

/** The label's newest revision in `status`, or null. */
export async function findNewestRevision(
  client: TInputSetsClient,
  label: string,
  status: InputSet['status'],
): Promise<TRunRevision | null> {
  return client.inputSet.findFirst({
    where: { label, status },
    select: RUN_REVISION_FIELDS,
    orderBy: { revision: 'desc' },
  });
}

/**
 * Runs `work` in a REPEATABLE READ, READ ONLY transaction with the pool's bulk timeouts:
 * every statement of it reads the same database snapshot, so that a run's snapshot of
 * several tables cannot mix two states.
 */
export async function withReadOnlySnapshot<T>(
  pool: pg.Pool,
  work: (client: TSqlClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await useBulkTimeouts(client, pool);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A COPY abandoned halfway leaves the connection unusable: drop it instead of pooling it.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
