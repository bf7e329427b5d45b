import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import {
  ZDiffChangesQuery,
  ZDiffChangesResponse,
  ZDiffExportQuery,
  ZDiffJobState,
  ZDiffQuery,
  ZDiffResponse,
  ZDiffRowsQuery,
  ZDiffRowsResponse,
} from '@planning-hub/contracts/api/diff';
import { ZDiffSummaryQuery, ZDiffSummaryResponse } from '@planning-hub/contracts/api/diff-summary';
import type { TRuntime } from '@planning-hub/server/runtime';
import { diffCacheDir } from '@planning-hub/server/services/diff/diff-cache';
import { createDiffQueue } from '@planning-hub/server/services/diff/diff-queue';
import { requestDiff, requestDiffExport, requestDiffRows } from '@planning-hub/server/services/diff/request-diff';
import { requestDiffChanges, requestDiffSummary } from '@planning-hub/server/services/diff/request-diff-views';
import { requireRole } from '../../http/authenticate';
import { cutWhenIdle } from '../../http/request-timeout';

/**
 * Diff tab of the Planning Hub (docs/design.md section 6): 200 with the result once the
 * cache holds it, 202 with the background job's state until then (poll the same URL).
 * Only enqueues here; the worker runs in server.ts (startDiffWorker) unless SERVER_ROLE=api,
 * or in a process of its own (SERVER_ROLE=worker).
 */
export function diffRoutes({ runtime }: { runtime: Pick<TRuntime, 'config' | 'logger' | 'db' | 'metrics'> }): Router {
  const router = Router();
  const { config, logger, db, metrics } = runtime;
  const deps = {
    prisma: db.prisma,
    pool: db.pool,
    queue: createDiffQueue({ pool: db.pool, config, logger, supervise: false }),
    metrics,
    cacheDir: diffCacheDir(config.tmpDir),
  };

  router.get('/plans/input_sets/:ref/diff', requireRole('viewer'), async (req, res) => {
    const query = ZDiffQuery.parse(req.query);
    const body = await requestDiff(deps, { ref: String(req.params.ref), against: query.against, retry: query.retry === 'true' });
    res.status(body.state === 'done' ? 200 : 202).json(ZDiffResponse.parse(body));
  });

  router.get('/plans/input_sets/:ref/diff/rows', requireRole('viewer'), async (req, res) => {
    const query = ZDiffRowsQuery.parse(req.query);
    const body = await requestDiffRows(deps, { ref: String(req.params.ref), query });
    if (body.state === 'done') res.json(ZDiffRowsResponse.parse(body));
    else res.status(202).json(ZDiffJobState.parse(body));
  });

  router.get('/plans/input_sets/:ref/diff/summary', requireRole('viewer'), async (req, res) => {
    const query = ZDiffSummaryQuery.parse(req.query);
    const body = await requestDiffSummary(deps, { ref: String(req.params.ref), query });
    if (body.state === 'done') res.json(ZDiffSummaryResponse.parse(body));
    else res.status(202).json(ZDiffJobState.parse(body));
  });

  router.get('/plans/input_sets/:ref/diff/changes', requireRole('viewer'), async (req, res) => {
    const query = ZDiffChangesQuery.parse(req.query);
    const body = await requestDiffChanges(deps, { ref: String(req.params.ref), query });
    if (body.state === 'done') res.json(ZDiffChangesResponse.parse(body));
    else res.status(202).json(ZDiffJobState.parse(body));
  });

  router.get('/plans/input_sets/:ref/diff/export', requireRole('viewer'), async (req, res) => {
    const query = ZDiffExportQuery.parse(req.query);
    const outcome = await requestDiffExport(deps, { ref: String(req.params.ref), against: query.against });
    if ('job' in outcome) {
      res.status(202).json(ZDiffJobState.parse(outcome.job));
      return;
    }
    res.type('application/json');
    cutWhenIdle(req, res, config.httpIdleTimeoutMs);
    // pipeline ends the row file reads when the client goes away mid-download.
    await pipeline(Readable.from(outcome.chunks), res).catch((error: unknown) => {
      if (!res.headersSent) throw error;
      res.destroy();
    });
  });

  return router;
}
