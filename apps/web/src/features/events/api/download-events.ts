import { useMutation } from '@tanstack/react-query';
import { ZEventsResponse, type TEventsResponse } from '@planning-hub/contracts/api/events';
import { API } from '../../../config/paths';
import { apiRequest, type TSchema } from '../../../lib/api-client';
import { formatJsonLikeCli, saveTextFile } from '../../../lib/download';

/** The most the events API answers per request. */
const DOWNLOAD_PAGE_SIZE = 1000;
/** A label with more events than this is a case for `planning evidence`, not a browser download. */
const MAX_PAGES = 100;

/**
 * Checked against the contract but kept as the server wrote it, so the file has the
 * API's key order exactly (zod would rebuild the objects in schema order).
 */
const ZCheckedEventsPage: TSchema<TEventsResponse> = {
  parse: (data) => {
    ZEventsResponse.parse(data);
    return data as TEventsResponse;
  },
};

/**
 * Every event of the label, newest first, as one `{label, events, nextCursor: null}`
 * document: what `planning events --json` prints when its limit covers them all, and
 * what `planning evidence` writes as events.json.
 */
export async function fetchAllEvents({ label }: { label: string }): Promise<TEventsResponse> {
  const events: TEventsResponse['events'] = [];
  let answer: TEventsResponse = { label, events: [], nextCursor: null, head: null };
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const cursor = answer.nextCursor ?? undefined;
    answer = await apiRequest(API.events(label), {
      query: { limit: DOWNLOAD_PAGE_SIZE, cursor },
      schema: ZCheckedEventsPage,
    });
    events.push(...answer.events);
    if (!answer.nextCursor) break;
  }
  return { label: answer.label, events, nextCursor: answer.nextCursor, head: answer.head };
}

/** Saves the label's events as events.json (runbook 4.2: the evidence folder's file). */
export function useDownloadEvents() {
  return useMutation({
    mutationFn: fetchAllEvents,
    onSuccess: (document) => saveTextFile('events.json', formatJsonLikeCli(document)),
  });
}
