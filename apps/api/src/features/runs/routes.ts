import { pipeline } from 'node:stream/promises';
import express, { Router, type Request } from 'express';
import {
  INPUT_SET_ARTIFACT,
  ZCreatePlanRequest,
  ZCreatePlanRunRequest,
  ZCreateRunRequest,
  ZListPlansResponse,
  ZListRunsQuery,
  ZListRunsResponse,
  ZPlan,
  ZRunDetail,
  ZUpdatePlanRequest,
  ZUpdateRunNoteRequest,
  type TRunEntrypoint,
} from '@planning-hub/contracts/api/runs';
import type { TConfig } from '@planning-hub/server/config/env';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TLogger } from '@planning-hub/server/observability/logger';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { createFileArtifactStore } from '@planning-hub/server/services/runs/artifact-store';
import { createRun } from '@planning-hub/server/services/runs/create-run';
import { createPlan, getPlan, listPlans, updatePlanLabel } from '@planning-hub/server/services/runs/plans';
import { getRun, listRuns, openRunArtifact } from '@planning-hub/server/services/runs/read-runs';
import { updateRunNote } from '@planning-hub/server/services/runs/update-run-note';
import { getPrincipal, isCliRequest, requireRole } from '../../http/authenticate';
import { cutWhenIdle } from '../../http/request-timeout';

type TDeps = { db: TDatabase; config: Pick<TConfig, 'artifactDir' | 'httpIdleTimeoutMs'>; metrics: TMetrics; logger: TLogger };

const jsonBody = express.json({ limit: '16kb' });

/** Plans and runs (docs/design.md section 7): /api/plans, /api/plans/{id}/runs, /api/runs, run detail and its artifact. */
export function runRoutes({ db, config, metrics, logger }: TDeps): Router {
  const router = Router();
  const artifacts = createFileArtifactStore(config.artifactDir);
  const runDeps = { prisma: db.prisma, pool: db.pool, metrics, artifacts, logger };
  // The runbook's entrypoint label: the route, or "cli" for every run the CLI starts.
  const startRun = (req: Request, entrypoint: TRunEntrypoint, body: { input_set_label?: string; plan_id?: string; note?: string }) =>
    createRun(runDeps, {
      entrypoint: isCliRequest(req) ? 'cli' : entrypoint,
      planId: body.plan_id,
      inputSetLabel: body.input_set_label,
      note: body.note,
      principal: getPrincipal(req).username,
    });

  router.get('/plans', requireRole('viewer'), async (_req, res) => {
    res.json(ZListPlansResponse.parse(await listPlans(db)));
  });

  router.post('/plans', requireRole('planner'), jsonBody, async (req, res) => {
    const body = ZCreatePlanRequest.parse(req.body ?? {});
    const plan = await createPlan(db, {
      name: body.name,
      defaultInputSetLabel: body.default_input_set_label ?? null,
      principal: getPrincipal(req).username,
    });
    res.status(201).json(ZPlan.parse(plan));
  });

  // `/plans/input_sets` never gets here: the input set routes are mounted first (routers.ts).
  router.get('/plans/:id', requireRole('viewer'), async (req, res) => {
    res.json(ZPlan.parse(await getPlan(db, String(req.params.id))));
  });

  router.patch('/plans/:id', requireRole('planner'), jsonBody, async (req, res) => {
    const body = ZUpdatePlanRequest.parse(req.body ?? {});
    const plan = await updatePlanLabel(db, { id: String(req.params.id), defaultInputSetLabel: body.default_input_set_label });
    res.json(ZPlan.parse(plan));
  });

  router.post('/plans/:id/runs', requireRole('planner'), jsonBody, async (req, res) => {
    const body = ZCreatePlanRunRequest.parse(req.body ?? {});
    const run = await startRun(req, '/plans/{id}/runs', { ...body, plan_id: String(req.params.id) });
    res.status(201).json(ZRunDetail.parse(run));
  });

  router.post('/runs', requireRole('planner'), jsonBody, async (req, res) => {
    const run = await startRun(req, '/runs', ZCreateRunRequest.parse(req.body ?? {}));
    res.status(201).json(ZRunDetail.parse(run));
  });

  router.get('/runs', requireRole('viewer'), async (req, res) => {
    res.json(ZListRunsResponse.parse(await listRuns(db, ZListRunsQuery.parse(req.query))));
  });

  router.get('/runs/:id', requireRole('viewer'), async (req, res) => {
    res.json(ZRunDetail.parse(await getRun(db, String(req.params.id))));
  });

  router.put('/runs/:id/note', requireRole('planner'), jsonBody, async (req, res) => {
    const body = ZUpdateRunNoteRequest.parse(req.body ?? {});
    res.json(ZRunDetail.parse(await updateRunNote(db, { id: String(req.params.id), note: body.note })));
  });

  router.get(`/runs/:id/artifacts/${INPUT_SET_ARTIFACT}`, requireRole('viewer'), async (req, res) => {
    const artifact = await openRunArtifact({ prisma: db.prisma, artifacts }, String(req.params.id));
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
