import type { TListPlansResponse, TPlan } from '@planning-hub/contracts/api/runs';
import { ZLabel } from '@planning-hub/contracts/labels';
import {
  findPlan,
  findPlanByName,
  findPlanWithRuns,
  insertPlan,
  listPlansWithRuns,
  updatePlanLabel as updatePlanLabelRow,
  type TPlanWithRuns,
} from '../../data/runs';
import { isUniqueViolation } from '../../data/unique-violation';
import { AppError, hintOf } from '../../errors/app-error';
import type { Plan, PrismaClient } from '../../generated/prisma/client';
import { isUuid } from './read-runs';
import { toRunSummary } from './to-run-summary';

type TPlansPrisma = Pick<PrismaClient, 'plan'>;

/** How many runs a plan shows in lists (GET /api/plans). */
export const RECENT_RUNS_PER_PLAN = 5;
const WITH_RECENT_RUNS = { recentRuns: RECENT_RUNS_PER_PLAN };

function toPlan(plan: TPlanWithRuns): TPlan {
  return {
    id: plan.id,
    name: plan.name,
    defaultInputSetLabel: plan.defaultInputSetLabel,
    createdAt: plan.createdAt.toISOString(),
    createdBy: plan.createdBy,
    updatedAt: plan.updatedAt.toISOString(),
    recentRuns: plan.runs.map((run) => toRunSummary({ ...run, result: null, plan: { name: plan.name } })),
  };
}

function checkLabel(label: string | null): string | null {
  if (label === null) return null;
  const parsed = ZLabel.safeParse(label);
  if (!parsed.success) {
    throw new AppError(
      'bad_request',
      'error.input_set.not_a_label',
      { text: label.slice(0, 80) },
      { hint: hintOf('hint.plan.label', {}) },
    );
  }
  return parsed.data;
}

export async function findPlanOrThrow(prisma: TPlansPrisma, id: string): Promise<Plan> {
  const plan = isUuid(id) ? await findPlan(prisma, id) : null;
  if (!plan)
    throw new AppError(
      'not_found',
      'error.plan.not_found',
      { id: id.slice(0, 80) },
      { hint: hintOf('hint.plan.list', {}) },
    );
  return plan;
}

/** A named plan; runs started from it use `defaultInputSetLabel` unless they name a label. */
export async function createPlan(
  { prisma }: { prisma: TPlansPrisma },
  {
    name,
    defaultInputSetLabel,
    principal,
  }: { name: string; defaultInputSetLabel: string | null; principal: string },
): Promise<TPlan> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 128)
    throw new AppError('bad_request', 'error.plan.name_length', {});
  const duplicate = () => new AppError('conflict', 'error.plan.exists', { name: trimmed });
  if (await findPlanByName(prisma, trimmed)) throw duplicate();
  try {
    const plan = await insertPlan(
      prisma,
      { name: trimmed, defaultInputSetLabel: checkLabel(defaultInputSetLabel), createdBy: principal },
      WITH_RECENT_RUNS,
    );
    return toPlan(plan);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Every plan, by name, with its newest runs. */
export async function listPlans({ prisma }: { prisma: TPlansPrisma }): Promise<TListPlansResponse> {
  const plans = await listPlansWithRuns(prisma, WITH_RECENT_RUNS);
  return { items: plans.map(toPlan) };
}

export async function getPlan({ prisma }: { prisma: TPlansPrisma }, id: string): Promise<TPlan> {
  await findPlanOrThrow(prisma, id);
  return toPlan(await findPlanWithRuns(prisma, id, WITH_RECENT_RUNS));
}

/** Re-links a plan to another label (docs/runbook.ja.md section 5), or unlinks it with null. */
export async function updatePlanLabel(
  { prisma }: { prisma: TPlansPrisma },
  { id, defaultInputSetLabel }: { id: string; defaultInputSetLabel: string | null },
): Promise<TPlan> {
  await findPlanOrThrow(prisma, id);
  return toPlan(await updatePlanLabelRow(prisma, id, checkLabel(defaultInputSetLabel), WITH_RECENT_RUNS));
}
