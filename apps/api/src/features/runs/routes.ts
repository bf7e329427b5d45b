import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import { RUN_OPERATIONS } from '@planning-hub/contracts/api/operations/runs';
import { INPUT_SET_ARTIFACT, type TRunEntrypoint } from '@planning-hub/contracts/api/runs';
import type { TConfig } from '@planning-hub/server/config/env';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TLogger } from '@planning-hub/server/observability/logger';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { createFileArtifactStore } from '@planning-hub/server/services/runs/artifact-store';
import { createRun } from '@planning-hub/server/services/runs/create-run';
import { createPlan, getPlan, listPlans, updatePlanLabel } from '@planning-hub/server/services/runs/plans';
import { getRun, listRuns, openRunArtifact } from '@planning-hub/server/services/runs/read-runs';
import { updateRunNote } from '@planning-hub/server/services/runs/update-run-note';
import { getPrincipal, isCliRequest } from '../../http/authenticate';
import { mount, mountRaw } from '../../http/mount';
import { cutWhenIdle } from '../../http/request-timeout';

type TDeps = {
  db: TDatabase;
  config: Pick<TConfig, 'artifactDir' | 'httpIdleTimeoutMs'>;
  metrics: TMetrics;
  logger: TLogger;
};

/** Plans and runs (docs/design.md section 7): /api/plans, /api/plans/{id}/runs, /api/runs, run detail and its artifact. */
export function runRoutes({ db, config, metrics, logger }: TDeps): Router {
  const router = Router();
  const artifacts = createFileArtifactStore(config.artifactDir);
  const runDeps = { prisma: db.prisma, pool: db.pool, metrics, artifacts, logger };
  // The runbook's entrypoint label: the route, or "cli" for every run the CLI starts.
  const startRun = (
    req: Request,
    entrypoint: TRunEntrypoint,
    body: { input_set_label?: string; plan_id?: string; note?: string },
  ) =>
    createRun(runDeps, {
      entrypoint: isCliRequest(req) ? 'cli' : entrypoint,
      planId: body.plan_id,
      inputSetLabel: body.input_set_label,
      note: body.note,
      principal: getPrincipal(req).username,
    });

  mount(router, RUN_OPERATIONS.listPlans, async () => ({ status: 200, body: await listPlans(db) }));

  mount(router, RUN_OPERATIONS.createPlan, async ({ req, body }) => {
    const plan = await createPlan(db, {
      name: body.name,
      defaultInputSetLabel: body.default_input_set_label ?? null,
      principal: getPrincipal(req).username,
    });
    return { status: 201, body: plan };
  });

  // `/plans/input_sets` never gets here: the input set routes are mounted first (routers.ts).
  mount(router, RUN_OPERATIONS.getPlan, async ({ params }) => ({
    status: 200,
    body: await getPlan(db, params.id),
  }));

  mount(router, RUN_OPERATIONS.updatePlan, async ({ params, body }) => {
    const plan = await updatePlanLabel(db, {
      id: params.id,
      defaultInputSetLabel: body.default_input_set_label,
    });
    return { status: 200, body: plan };
  });

  mount(router, RUN_OPERATIONS.createPlanRun, async ({ req, params, body }) => {
    const run = await startRun(req, '/plans/{id}/runs', { ...body, plan_id: params.id });
    return { status: 201, body: run };
  });

  mount(router, RUN_OPERATIONS.createRun, async ({ req, body }) => ({
    status: 201,
    body: await startRun(req, '/runs', body),
  }));

  mount(router, RUN_OPERATIONS.listRuns, async ({ query }) => ({
    status: 200,
    body: await listRuns(db, query),
  }));

  mount(router, RUN_OPERATIONS.getRun, async ({ params }) => ({
    status: 200,
    body: await getRun(db, params.id),
  }));

  mount(router, RUN_OPERATIONS.updateRunNote, async ({ params, body }) => ({
    status: 200,
    body: await updateRunNote(db, { id: params.id, note: body.note }),
  }));

  // The snapshot's exact bytes, streamed from the artifact store.
  mountRaw(router, RUN_OPERATIONS.getRunArtifact, async ({ req, res, params }) => {
    const artifact = await openRunArtifact({ prisma: db.prisma, artifacts }, params.id);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', String(artifact.bytes));
    res.setHeader('Content-Disposition', `attachment; filename="${INPUT_SET_ARTIFACT}"`);
    // The runbook checks the hash after downloading; the headers carry it for scripts.
    res.setHeader('X-Content-SHA256', artifact.sha256);
    res.setHeader('Digest', `sha-256=${Buffer.from(artifact.sha256, 'hex').toString('base64')}`);
    res.setHeader('ETag', `"sha256-${artifact.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    cutWhenIdle(req, res, config.httpIdleTimeoutMs);
    // pipeline closes the file when the client hangs up (pipe would leave it open, paused).
    await pipeline(artifact.stream, res).catch((error: unknown) => {
      if (!res.headersSent) throw error;
      res.destroy();
    });
  });

  return router;
}
