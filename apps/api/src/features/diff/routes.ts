import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { ZDiffJobState } from '@planning-hub/contracts/api/diff';
import { DIFF_OPERATIONS } from '@planning-hub/contracts/api/operations/diff';
import type { TRuntime } from '@planning-hub/server/runtime';
import { diffCacheDir } from '@planning-hub/server/services/diff/diff-cache';
import { createDiffQueue } from '@planning-hub/server/services/diff/diff-queue';
import {
  requestDiff,
  requestDiffExport,
  requestDiffRows,
} from '@planning-hub/server/services/diff/request-diff';
import {
  requestDiffChanges,
  requestDiffSummary,
} from '@planning-hub/server/services/diff/request-diff-views';
import { mount, mountRaw } from '../../http/mount';
import { cutWhenIdle } from '../../http/request-timeout';

/**
 * Diff tab of the Planning Hub (docs/design.md section 6): 200 with the result once the
 * cache holds it, 202 with the background job's state until then (poll the same URL).
 * Only enqueues here; the worker runs in server.ts (startDiffWorker) unless SERVER_ROLE=api,
 * or in a process of its own (SERVER_ROLE=worker).
 */
export function diffRoutes({
  runtime,
}: {
  runtime: Pick<TRuntime, 'config' | 'logger' | 'db' | 'metrics'>;
}): Router {
  const router = Router();
  const { config, logger, db, metrics } = runtime;
  const deps = {
    prisma: db.prisma,
    pool: db.pool,
    queue: createDiffQueue({ pool: db.pool, config, logger, supervise: false }),
    metrics,
    cacheDir: diffCacheDir(config.tmpDir),
  };

  mount(router, DIFF_OPERATIONS.getDiff, async ({ params, query }) => {
    const body = await requestDiff(deps, {
      ref: params.ref,
      against: query.against,
      retry: query.retry === 'true',
    });
    return body.state === 'done' ? { status: 200, body } : { status: 202, body };
  });

  mount(router, DIFF_OPERATIONS.getDiffRows, async ({ params, query }) => {
    const body = await requestDiffRows(deps, { ref: params.ref, query });
    return body.state === 'done' ? { status: 200, body } : { status: 202, body };
  });

  mount(router, DIFF_OPERATIONS.getDiffSummary, async ({ params, query }) => {
    const body = await requestDiffSummary(deps, { ref: params.ref, query });
    return body.state === 'done' ? { status: 200, body } : { status: 202, body };
  });

  mount(router, DIFF_OPERATIONS.getDiffChanges, async ({ params, query }) => {
    const body = await requestDiffChanges(deps, { ref: params.ref, query });
    return body.state === 'done' ? { status: 200, body } : { status: 202, body };
  });

  // 200 streams one JSON document, too large to build in memory; 202 is the job's state.
  mountRaw(router, DIFF_OPERATIONS.exportDiff, async ({ req, res, params, query }) => {
    const outcome = await requestDiffExport(deps, { ref: params.ref, against: query.against });
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
