import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import type { TSqlClient } from '../../database/transaction';
import { appendEvent, type TNewEvent } from './append-event';
import { EVENT_COLUMNS, toEventJson, type TEventRow } from './event-json';

/** appendEvent, answering the stored event as the API shows it (for responses and CLI output). */
export async function recordEvent(client: TSqlClient, event: TNewEvent): Promise<TInputSetEvent> {
  const { id } = await appendEvent(client, event);
  const { rows } = await client.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM planning_input_set_events WHERE id = $1`,
    [id],
  );
  return toEventJson(rows[0]!);
}
