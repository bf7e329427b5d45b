import { Router } from 'express';
import { EVENT_OPERATIONS } from '@planning-hub/contracts/api/operations/events';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { backfillEvent } from '@planning-hub/server/services/events/backfill-event';
import { listEvents, readEventsVersion } from '@planning-hub/server/services/events/list-events';
import { verifyEvents } from '@planning-hub/server/services/events/verify-events';
import { getActor } from '../../http/authenticate';
import { createAnswerCache } from '../../http/answer-cache';
import { mount } from '../../http/mount';

/**
 * The audit trail (docs/design.md section 5). The runbook's command works as written:
 * curl -H "Authorization: Bearer $TOKEN" ".../api/plans/input_sets/weekly_refresh/events?limit=100"
 */
export function eventRoutes({ db }: { db: TDatabase }): Router {
  const router = Router();
  const answerCache = createAnswerCache();

  // A page is kept until the label's next event (docs/performance.md, "API under load").
  mount(
    router,
    EVENT_OPERATIONS.listEvents,
    async ({ params, query }) => ({
      status: 200,
      cached: {
        key: JSON.stringify([params.label, query.limit, query.cursor ?? null]),
        version: await readEventsVersion(db.pool, params.label),
        read: () => listEvents({ pool: db.pool, label: params.label, ...query }),
      },
    }),
    { answerCache },
  );

  // ?head=<hash>[&headId=<id>&headCount=<n>]: the head recorded earlier must still be in the chain.
  mount(router, EVENT_OPERATIONS.verifyEvents, async ({ params, query }) => ({
    status: 200,
    body: await verifyEvents({ pool: db.pool, label: params.label, ...query }),
  }));

  mount(router, EVENT_OPERATIONS.backfillEvent, async ({ req, params, body }) => {
    const event = await backfillEvent({
      pool: db.pool,
      ref: params.ref,
      comment: body.comment,
      actor: getActor(req),
    });
    return { status: 201, body: event };
  });

  return router;
}
