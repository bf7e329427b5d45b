import { z } from 'zod';
import { FIELD_LIMITS } from '../field-limits';
import { multiLineText, singleLineText } from '../free-text';
import { ZLabel } from '../labels';
import { PERIOD_GRANULARITIES } from '../tables';

/**
 * Plans and runs (docs/design.md section 7, docs/runbook.ja.md section 5). The entrypoint values
 * are the `run_without_input_set_total{entrypoint}` label values.
 */
export const RUN_ENTRYPOINTS = ['/runs', '/plans/{id}/runs', 'cli'] as const;
export const ZRunEntrypoint = z.enum(RUN_ENTRYPOINTS);
export type TRunEntrypoint = z.infer<typeof ZRunEntrypoint>;

export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const ZRunStatus = z.enum(RUN_STATUSES);
export type TRunStatus = z.infer<typeof ZRunStatus>;

/** The artifact every run with a ready input set writes (docs/runbook.ja.md section 5). */
export const INPUT_SET_ARTIFACT = 'planning_input_set.json';

/** Warning titles exactly as the runbook's table spells them. */
export const RUN_WARNING_TITLES = {
  legacy_mode: 'Legacy mode',
  missing_input_set: 'Missing InputSet',
} as const;
export const ZRunWarningCode = z.enum(['legacy_mode', 'missing_input_set']);
export type TRunWarningCode = z.infer<typeof ZRunWarningCode>;

export const ZRunWarning = z.object({
  code: ZRunWarningCode,
  title: z.enum([RUN_WARNING_TITLES.legacy_mode, RUN_WARNING_TITLES.missing_input_set]),
  /** The message in English (as stored with the run). */
  message: z.string(),
  /** The same message by code, sentence by sentence (packages/contracts/src/messages): clients say it in their reader's language. */
  messageParts: z.array(
    z.object({ messageCode: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
  /** The exact commands that fix it, in the order to run them (warning cards show them with a copy button). */
  commands: z.array(z.string()),
});
export type TRunWarning = z.infer<typeof ZRunWarning>;

/** A decimal as exact text (`100.5`, `-3`, `0.333333`); never a binary float. */
const ZDecimalText = z.string();

export const ZInventoryProjection = z.object({
  itemCode: z.string(),
  locationCode: z.string(),
  period: z.string(),
  /** Projected inventory at the start of the period (the previous period's `projected`, or on_hand). */
  opening: ZDecimalText,
  inbound: ZDecimalText,
  production: ZDecimalText,
  demand: ZDecimalText,
  /** opening + inbound + production - demand. */
  projected: ZDecimalText,
  safetyStock: ZDecimalText,
  /** What production would have to add to end at safety stock: max(0, safety_stock + demand - opening - inbound). */
  requirement: ZDecimalText,
});

export const ZItemProduction = z.object({
  itemCode: z.string(),
  period: z.string(),
  /** Sum of the item's requirements over its locations. */
  required: ZDecimalText,
  /** Sum over resources of available_hours x share x units_per_hour. */
  producible: ZDecimalText,
  /** min(required, producible), allocated to the locations (docs/plan-computation.md). */
  produced: ZDecimalText,
});

export const ZCapacityLoad = z.object({
  resourceCode: z.string(),
  period: z.string(),
  availableHours: ZDecimalText,
  usedHours: ZDecimalText,
  /** usedHours / availableHours (1 = fully loaded); null when no hours are available. */
  load: ZDecimalText.nullable(),
});

export const ZShortage = z.object({
  /** `stockout`: projected < 0; `below_safety_stock`: 0 <= projected < safety stock. */
  kind: z.enum(['stockout', 'below_safety_stock']),
  itemCode: z.string(),
  locationCode: z.string(),
  period: z.string(),
  projected: ZDecimalText,
  safetyStock: ZDecimalText,
  /** How many units are missing: -projected for a stockout, safety_stock - projected otherwise. */
  quantity: ZDecimalText,
});

/** The capacity-feasibility plan a run computes from its snapshot (docs/plan-computation.md). */
export const ZPlanResult = z.object({
  horizon: z.object({
    start: z.string(),
    granularity: z.enum(PERIOD_GRANULARITIES),
    periods: z.array(z.string()),
  }),
  summary: z.object({
    items: z.number().int(),
    itemLocations: z.number().int(),
    resources: z.number().int(),
    totalDemand: ZDecimalText,
    totalInbound: ZDecimalText,
    totalProduction: ZDecimalText,
    stockouts: z.number().int(),
    belowSafetyStock: z.number().int(),
    /** The highest load of any resource in any period; null when no resource has hours. */
    peakLoad: ZDecimalText.nullable(),
    /**
     * What the plan ignores because its period lies outside the horizon: demand and
     * capacity rows, inbound per (item, location, period) summed over references.
     */
    outsideHorizon: z.object({
      demand: z.number().int(),
      inbound: z.number().int(),
      capacity: z.number().int(),
    }),
    /** How many rows each list has in full; a list longer than `listLimit` holds only its first rows. */
    rows: z.object({
      inventory: z.number().int(),
      production: z.number().int(),
      capacityLoad: z.number().int(),
      shortages: z.number().int(),
    }),
  }),
  /** The most rows any list below holds (in natural key order); `truncated` says whether one was cut. */
  listLimit: z.number().int(),
  truncated: z.boolean(),
  inventory: z.array(ZInventoryProjection),
  production: z.array(ZItemProduction),
  capacityLoad: z.array(ZCapacityLoad),
  shortages: z.array(ZShortage),
});
export type TPlanResult = z.infer<typeof ZPlanResult>;

export const ZRunArtifact = z.object({
  name: z.literal(INPUT_SET_ARTIFACT),
  bytes: z.number().int(),
  sha256: z.string(),
  /** GET this path for the exact bytes; `sha256sum` of the download equals `sha256`. */
  url: z.string(),
});

export const ZRunSummary = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  entrypoint: ZRunEntrypoint,
  status: ZRunStatus,
  /** The label the run named (or its plan's default); null in Legacy mode. */
  inputSetLabel: z.string().nullable(),
  /** The ready revision it resolved to; null in Legacy mode and with Missing InputSet. */
  inputSetRevision: z.number().int().nullable(),
  inputSetVersionId: z.string().nullable(),
  contentHash: z.string().nullable(),
  warnings: z.array(ZRunWarning),
  /** Why a failed run failed, written for the operator. */
  error: z.string().nullable(),
  note: z.string().nullable(),
  /** sha256 of planning_input_set.json; null when the run wrote no artifact. */
  sha256: z.string().nullable(),
  artifact: ZRunArtifact.nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  finishedAt: z.iso.datetime().nullable(),
});
export type TRunSummary = z.infer<typeof ZRunSummary>;

export const ZRunDetail = ZRunSummary.extend({
  /** The computed plan; null when the run used no input data or failed. */
  result: ZPlanResult.nullable(),
});
export type TRunDetail = z.infer<typeof ZRunDetail>;

export const ZCreateRunRequest = z
  .object({
    /** A label (its ready revision is used); references with `@` are refused. */
    input_set_label: z.string().trim().min(1).max(80).optional(),
    plan_id: z.string().trim().min(1).max(64).optional(),
    /** Free text kept with the run (runbook: evidence and exception reason in Legacy mode). */
    note: multiLineText('A note', FIELD_LIMITS.runNote).optional(),
  })
  .strict();
export type TCreateRunRequest = z.infer<typeof ZCreateRunRequest>;

/** POST /api/plans/{id}/runs: the plan comes from the path. */
export const ZCreatePlanRunRequest = ZCreateRunRequest.omit({ plan_id: true }).strict();

export const ZUpdateRunNoteRequest = z
  .object({ note: multiLineText('A note', FIELD_LIMITS.runNote) })
  .strict();

export const ZListRunsQuery = z.object({
  plan_id: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListRunsQuery = z.infer<typeof ZListRunsQuery>;

export const ZListRunsResponse = z.object({ items: z.array(ZRunSummary) });
export type TListRunsResponse = z.infer<typeof ZListRunsResponse>;

export const ZCreatePlanRequest = z
  .object({
    name: singleLineText('A plan name', FIELD_LIMITS.planName).min(1, 'A plan name is required.'),
    default_input_set_label: ZLabel.optional(),
  })
  .strict();
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

/** Re-links a plan to another label (runbook: "Planを新しいReadyセットに紐付け直す"); null unlinks it. */
export const ZUpdatePlanRequest = z.object({ default_input_set_label: ZLabel.nullable() }).strict();
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZPlan = z.object({
  id: z.string(),
  name: z.string(),
  defaultInputSetLabel: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
  /** The newest runs of this plan, newest first (at most 5). */
  recentRuns: z.array(ZRunSummary),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZListPlansResponse = z.object({ items: z.array(ZPlan) });
export type TListPlansResponse = z.infer<typeof ZListPlansResponse>;
