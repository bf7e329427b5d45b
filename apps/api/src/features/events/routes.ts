import express, { Router } from 'express';
import {
  ZBackfillEventRequest,
  ZEventsQuery,
  ZEventsResponse,
  ZInputSetEvent,
  ZVerifyEventsQuery,
  ZVerifyEventsResponse,
} from '@planning-hub/contracts/api/events';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { backfillEvent } from '@planning-hub/server/services/events/backfill-event';
import { listEvents } from '@planning-hub/server/services/events/list-events';
import { verifyEvents } from '@planning-hub/server/services/events/verify-events';
import { getActor, requireRole } from '../../http/authenticate';

/**
 * The audit trail (docs/design.md section 5). The runbook's command works as written:
 * curl -H "Authorization: Bearer $TOKEN" ".../api/plans/input_sets/weekly_refresh/events?limit=100"
 */
export function eventRoutes({ db }: { db: TDatabase }): Router {
  const router = Router();

  router.get('/plans/input_sets/:label/events', requireRole('viewer'), async (req, res) => {
    const query = ZEventsQuery.parse(req.query);
    const page = await listEvents({ pool: db.pool, label: String(req.params.label), ...query });
    res.json(ZEventsResponse.parse(page));
  });

  // ?head=<hash>[&headId=<id>&headCount=<n>]: the head recorded earlier must still be in the chain.
  router.get('/plans/input_sets/:label/events/verify', requireRole('viewer'), async (req, res) => {
    const query = ZVerifyEventsQuery.parse(req.query);
    res.json(ZVerifyEventsResponse.parse(await verifyEvents({ pool: db.pool, label: String(req.params.label), ...query })));
  });

  router.post(
    '/plans/input_sets/:ref/events/backfill',
    requireRole('admin'),
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const body = ZBackfillEventRequest.parse(req.body);
      const event = await backfillEvent({ pool: db.pool, ref: String(req.params.ref), comment: body.comment, actor: getActor(req) });
      res.status(201).json(ZInputSetEvent.parse(event));
    },
  );

  return router;
}
