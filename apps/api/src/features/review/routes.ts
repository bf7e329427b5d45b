import { Router } from 'express';
import { REVIEW_OPERATIONS } from '@planning-hub/contracts/api/operations/review';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { archiveRevision } from '@planning-hub/server/services/review/archive-revision';
import { revertReady } from '@planning-hub/server/services/review/revert-ready';
import { getActor } from '../../http/authenticate';
import { mount } from '../../http/mount';

type TDeps = { db: TDatabase; metrics: TMetrics };

/** POST .../{ref}/review (approve, revert) and POST .../{ref}/archive: docs/design.md section 4. */
export function reviewRoutes({ db, metrics }: TDeps): Router {
  const router = Router();
  const deps = { pool: db.pool, metrics };

  mount(router, REVIEW_OPERATIONS.reviewRevision, async ({ req, params, body }) => {
    const common = {
      ...deps,
      ref: params.ref,
      reviewer: body.reviewer,
      comment: body.comment,
      expectedContentHash: body.expected_content_hash,
      actor: getActor(req),
    };
    const result =
      body.action === 'approve'
        ? await approveDraft({ ...common, acknowledgeWarnings: body.acknowledge_warnings })
        : await revertReady(common);
    return { status: 200, body: result };
  });

  mount(router, REVIEW_OPERATIONS.archiveRevision, async ({ req, params, body }) => {
    const result = await archiveRevision({
      ...deps,
      ref: params.ref,
      comment: body.comment,
      actor: getActor(req),
    });
    return { status: 200, body: result };
  });

  return router;
}
