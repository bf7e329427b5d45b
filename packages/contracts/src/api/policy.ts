import { z } from 'zod';
import { ZLabel } from '../labels';
import { TABLE_NAMES } from '../tables';
import { DEFAULT_DIFF_TOLERANCE, ZDiffTolerance } from './diff';
import { ZInputSetEvent } from './events';

/**
 * Approval gates (docs/design.md section 11): each label's policy says which checks run
 * when a draft is stored, how severe their findings are and the diff's default tolerances.
 */
export const CHECK_IDS = [
  'row_count_change',
  'item_location_presence',
  'missing_periods',
  'item_demand_change',
  'quantity_outlier',
  'mixed_uom',
] as const;
export const ZCheckId = z.enum(CHECK_IDS);
export type TCheckId = z.infer<typeof ZCheckId>;

export const CHECK_SEVERITIES = ['warning', 'error'] as const;
export const ZCheckSeverity = z.enum(CHECK_SEVERITIES);
export type TCheckSeverity = z.infer<typeof ZCheckSeverity>;

/** The checks that compare with the label's ready revision (all but mixed_uom). */
export const COMPARING_CHECKS: readonly TCheckId[] = CHECK_IDS.filter((id) => id !== 'mixed_uom');

const ZEnabled = z.boolean();
/** A percentage of change, of the ready revision's value: 50 = ±50%. */
const ZThresholdPercent = z.number().min(0).max(100_000);

const check = <T extends z.ZodRawShape>(extra: T) =>
  z.object({ enabled: ZEnabled, severity: ZCheckSeverity, ...extra }).strict();

/**
 * The policy document (`planning policy set -f policy.json`, PUT .../policy): every check
 * with its switch, severity and threshold, and the diff's default tolerances per table
 * and column. Unknown keys are refused, so that a misspelt check is not silently off.
 */
export const ZPolicyDocument = z
  .object({
    checks: z
      .object({
        /** The row count of a table changed by more than threshold_percent. */
        row_count_change: check({ threshold_percent: ZThresholdPercent }),
        /** Item or location codes present in one revision only (demand, inventory, inbound). */
        item_location_presence: check({}),
        /** Periods of demand or capacity in the ready revision that the draft lacks. */
        missing_periods: check({}),
        /** An item's total demand changed by more than threshold_percent. */
        item_demand_change: check({ threshold_percent: ZThresholdPercent }),
        /** A demand key's quantity at least `ratio` times (or 1/ratio of) its ready value. */
        quantity_outlier: check({ ratio: z.number().gt(1).max(1_000_000) }),
        /** Within the draft alone: an item given in more than one unit of measure (uom). */
        mixed_uom: check({}),
      })
      .strict(),
    /** The tolerances a diff of this label applies unless a request overrides them (section 6). */
    diff_tolerance: ZDiffTolerance,
  })
  .strict();
export type TPolicyDocument = z.infer<typeof ZPolicyDocument>;

/** The policy of every label that has none of its own. */
export const DEFAULT_POLICY: TPolicyDocument = {
  checks: {
    row_count_change: { enabled: true, severity: 'warning', threshold_percent: 50 },
    item_location_presence: { enabled: true, severity: 'warning' },
    missing_periods: { enabled: true, severity: 'warning' },
    item_demand_change: { enabled: true, severity: 'warning', threshold_percent: 50 },
    quantity_outlier: { enabled: true, severity: 'warning', ratio: 10 },
    mixed_uom: { enabled: true, severity: 'warning' },
  },
  diff_tolerance: DEFAULT_DIFF_TOLERANCE,
};

/** GET /api/plans/input_sets/{label}/policy: the label's current policy, or the default. */
export const ZLabelPolicy = z.object({
  label: ZLabel,
  /** 0 for the default policy; then 1, 2, ... for each change. */
  version: z.number().int().min(0),
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
  policy: ZPolicyDocument,
});
export type TLabelPolicy = z.infer<typeof ZLabelPolicy>;

/** PUT /api/plans/input_sets/{label}/policy (admin): the new version and its policy_update event. */
export const ZPutPolicyResponse = ZLabelPolicy.extend({ event: ZInputSetEvent });
export type TPutPolicyResponse = z.infer<typeof ZPutPolicyResponse>;

const ZParamValue = z.union([z.string(), z.number()]);

/** One finding of a check, stored on the revision when it was stored as a draft. */
export const ZCheckFinding = z.object({
  id: z.string().regex(/^[0-9]{1,19}$/),
  check: ZCheckId,
  severity: ZCheckSeverity,
  table: z.enum(TABLE_NAMES),
  /** The key columns that name the rows (empty for a whole table), and their values. */
  keyColumns: z.array(z.string()),
  keyValues: z.array(z.string()),
  /** The value in the ready revision and in this one, as text (exact decimals); null where absent. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** The message by code (catalog `check.*`) and its English text. */
  messageCode: z.string(),
  params: z.record(z.string(), ZParamValue),
  message: z.string(),
});
export type TCheckFinding = z.infer<typeof ZCheckFinding>;

/** What one check found: `total` findings, of which the first `stored` are kept. */
export const ZCheckOutcome = z.object({
  check: ZCheckId,
  enabled: z.boolean(),
  severity: ZCheckSeverity,
  /** false: the check compares with the ready revision and there was none. */
  ran: z.boolean(),
  total: z.number().int().min(0),
  stored: z.number().int().min(0),
});
export type TCheckOutcome = z.infer<typeof ZCheckOutcome>;

/** A sentence by code about the checks as a whole (the first revision: comparing checks skipped). */
export const ZChecksNotice = z.object({
  messageCode: z.string(),
  params: z.record(z.string(), ZParamValue),
  message: z.string(),
});

/** GET /api/plans/input_sets/{ref}/checks (`planning checks --label <ref> --json`). */
export const ZChecksResponse = z.object({
  ref: z.string(),
  label: ZLabel,
  revision: z.number().int(),
  /** false for revisions stored before approval gates existed: nothing was checked. */
  checked: z.boolean(),
  checkedAt: z.iso.datetime().nullable(),
  policyVersion: z.number().int().min(0).nullable(),
  /** The ready revision the checks compared with, when the draft was stored; null for the first. */
  comparedWith: z.object({ revision: z.number().int(), ref: z.string() }).nullable(),
  notice: ZChecksNotice.nullable(),
  /** Findings by severity, counted in full (not only the stored ones). */
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  checks: z.array(ZCheckOutcome),
  findings: z.array(ZCheckFinding),
});
export type TChecksResponse = z.infer<typeof ZChecksResponse>;

/** At most this many findings of one check are stored per revision; the total is counted in full. */
export const MAX_FINDINGS_PER_CHECK = 200;
