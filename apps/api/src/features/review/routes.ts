import express, { Router } from 'express';
import { ZArchiveRequest, ZReviewRequest, ZReviewResponse } from '@planning-hub/contracts/api/review';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { archiveRevision } from '@planning-hub/server/services/review/archive-revision';
import { revertReady } from '@planning-hub/server/services/review/revert-ready';
import { getActor, requireRole } from '../../http/authenticate';

type TDeps = { db: TDatabase; metrics: TMetrics };

const jsonBody = express.json({ limit: '16kb' });

/** POST .../{ref}/review (approve, revert) and POST .../{ref}/archive: docs/design.md section 4. */
export function reviewRoutes({ db, metrics }: TDeps): Router {
  const router = Router();
  const deps = { pool: db.pool, metrics };

  router.post('/plans/input_sets/:ref/review', requireRole('reviewer'), jsonBody, async (req, res) => {
    const body = ZReviewRequest.parse(req.body);
    const common = {
      ...deps,
      ref: String(req.params.ref),
      reviewer: body.reviewer,
      comment: body.comment,
      expectedContentHash: body.expected_content_hash,
      actor: getActor(req),
    };
    const result =
      body.action === 'approve'
        ? await approveDraft({ ...common, acknowledgeWarnings: body.acknowledge_warnings })
        : await revertReady(common);
    res.json(ZReviewResponse.parse(result));
  });

  router.post('/plans/input_sets/:ref/archive', requireRole('admin'), jsonBody, async (req, res) => {
    const body = ZArchiveRequest.parse(req.body);
    const result = await archiveRevision({ ...deps, ref: String(req.params.ref), comment: body.comment, actor: getActor(req) });
    res.json(ZReviewResponse.parse(result));
  });

  return router;
}
