import {
  ZBackfillEventRequest,
  ZEventsQuery,
  ZEventsResponse,
  ZInputSetEvent,
  ZVerifyEventsQuery,
  ZVerifyEventsResponse,
} from '../events';
import { defineOperations, problem } from './define-operation';

/** The audit trail (docs/design.md section 5). */
export const EVENT_OPERATIONS = defineOperations({
  listEvents: {
    method: 'get',
    path: '/api/plans/input_sets/{label}/events',
    summary: "Audit events of a label, newest first across all revisions (the runbook's events.json)",
    role: 'viewer',
    query: ZEventsQuery,
    responses: {
      200: { description: 'A page of events', schema: ZEventsResponse },
      404: problem("Input set 'foo' not found."),
    },
  },
  verifyEvents: {
    method: 'get',
    path: '/api/plans/input_sets/{label}/events/verify',
    summary:
      "Check the hash chain of the label's events; reports the first broken link, and a recorded head (`head`) that is no longer in it",
    role: 'viewer',
    query: ZVerifyEventsQuery,
    responses: {
      200: { description: 'Verdict (ok: false names the broken event)', schema: ZVerifyEventsResponse },
      404: problem('Not found'),
    },
  },
  backfillEvent: {
    method: 'post',
    path: '/api/plans/input_sets/{ref}/events/backfill',
    summary: 'Append a backfill event for a revision that has no events (runbook: 0 events)',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZBackfillEventRequest },
    responses: {
      201: { description: 'The backfill event', schema: ZInputSetEvent },
      404: problem('Not found'),
      409: problem('The revision already has events'),
    },
  },
});
