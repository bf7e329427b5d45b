import type { TInputSetEvent } from '@planning-hub/contracts/api/events';
import { findEventById } from '../../data/events';
import type { TSqlClient } from '../../database/transaction';
import { appendEvent, type TNewEvent } from './append-event';
import { toEventJson } from './event-json';

/** appendEvent, answering the stored event as the API shows it (for responses and CLI output). */
export async function recordEvent(client: TSqlClient, event: TNewEvent): Promise<TInputSetEvent> {
  const { id } = await appendEvent(client, event);
  return toEventJson((await findEventById(client, id))!);
}
