import type { TDatabase } from '@planning-hub/server/database/connect';
import { folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { systemActor } from '@planning-hub/server/services/auth/actor';

/** The label whose detail and events are loaded: many approved revisions, so a full page of events. */
export const HOT_LABEL = 'load_hot';
const HOT_REVISIONS = 40;
const UPLOADER = 'bench-uploader';
const REVIEWER = 'bench-reviewer';
const WORKERS = 4;

type TPool = TDatabase['pool'];

export type TSeededHistory = {
  labels: number;
  revisions: number;
  events: number;
  hotLabel: string;
  hotRevisions: number;
  hotEvents: number;
  seconds: number;
};

async function uploadDraft(pool: TPool, bundleDir: string, label: string, step: number): Promise<void> {
  const report = await importBundle(
    { pool },
    {
      label,
      versionId: `load-${step}`,
      note: `bench load seed ${step}`,
      files: await folderSources(bundleDir),
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor(UPLOADER),
      entrypoint: 'cli',
      sourceKind: 'folder',
    },
  );
  if (!report.stored)
    throw new Error(`the load bundle was refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
}

async function approve(pool: TPool, label: string): Promise<void> {
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    reviewer: REVIEWER,
    comment: 'bench load seed',
    acknowledgeWarnings: true,
    actor: systemActor(REVIEWER),
  });
}

/** A label's life as the runbook has it: r1 approved, r2 approved (r1 archived), r3 a draft. */
async function seedLabel(pool: TPool, bundleDir: string, label: string): Promise<void> {
  await uploadDraft(pool, bundleDir, label, 1);
  await approve(pool, label);
  await uploadDraft(pool, bundleDir, label, 2);
  await approve(pool, label);
  await uploadDraft(pool, bundleDir, label, 3);
}

async function seedHotLabel(pool: TPool, bundleDir: string): Promise<void> {
  for (let step = 1; step <= HOT_REVISIONS; step++) {
    await uploadDraft(pool, bundleDir, HOT_LABEL, step);
    await approve(pool, HOT_LABEL);
  }
}

/**
 * Review history through the real services (importBundle, approveDraft), so the
 * revisions, row tables and hash-chained events are what production writes:
 * `labels` labels with 3 revisions each, plus HOT_LABEL with HOT_REVISIONS approved
 * revisions. `WORKERS` labels are seeded at a time; each label's steps run in order.
 */
export async function seedReviewHistory(
  pool: TPool,
  { bundleDir, labels }: { bundleDir: string; labels: number },
): Promise<TSeededHistory> {
  const started = performance.now();
  const jobs: (() => Promise<void>)[] = [() => seedHotLabel(pool, bundleDir)];
  for (let i = 0; i < labels; i++) {
    const label = `load_${String(i).padStart(4, '0')}`;
    jobs.push(() => seedLabel(pool, bundleDir, label));
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const { rows } = await pool.query<{
    labels: number;
    revisions: number;
    events: number;
    hot_events: number;
  }>(
    `SELECT (SELECT count(DISTINCT label) FROM planning_input_sets)::int AS labels,
            (SELECT count(*) FROM planning_input_sets)::int AS revisions,
            (SELECT count(*) FROM planning_input_set_events)::int AS events,
            (SELECT count(*) FROM planning_input_set_events WHERE label = $1)::int AS hot_events`,
    [HOT_LABEL],
  );
  const counts = rows[0]!;
  return {
    labels: counts.labels,
    revisions: counts.revisions,
    events: counts.events,
    hotLabel: HOT_LABEL,
    hotRevisions: HOT_REVISIONS,
    hotEvents: counts.hot_events,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
