import {
  ZEventsResponse,
  ZInputSetEvent,
  ZVerifyEventsResponse,
  type TBackfillEventRequest,
} from '@planning-hub/contracts/api/events';
import { EVENT_OPERATIONS } from '@planning-hub/contracts/api/operations/events';
import { API } from '@planning-hub/contracts/api/routes';
import { ZInputSetRef, ZLabel } from '@planning-hub/contracts/labels';
import { CliError, EXIT } from '../cli-errors';
import { cliText } from '../cli-text';
import { printJson, runWithApi } from '../cli-runtime';
import type { TBackfillOptions, TEventsOptions, TVerifyOptions } from '../commands/events';
import { readRecordedHead } from '../events/read-recorded-head';
import { formatEvents, formatVerdict } from '../format-review';
import { parseOption, parseOptions } from '../options/parse-options';
import { writeOutputFile } from '../output-file';

export async function runEvents(options: TEventsOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    if (!options.label) throw new CliError(cliText('cli.error.events_label', {}));
    const label = parseOption(ZLabel, '--label', options.label);
    const query = parseOptions(EVENT_OPERATIONS.listEvents.query, {
      limit: ['--limit', options.limit],
      cursor: ['--cursor', options.cursor],
    });
    const page = await api.getJson(API.events(label), ZEventsResponse, query);
    if (options.output !== undefined) {
      const text = options.json ? `${JSON.stringify(page, null, 2)}\n` : `${formatEvents(page)}\n`;
      const shown = await writeOutputFile(options.output, text);
      console.log(`✓ Wrote ${page.events.length} event(s) of '${page.label}' to ${shown}`);
    } else if (options.json) printJson(page);
    else console.log(formatEvents(page));
  });
}

export async function runVerify(options: TVerifyOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const label = parseOption(ZLabel, '--label', options.label);
    const recorded = options.head === undefined ? {} : await readRecordedHead(options.head);
    const verdict = await api.getJson(API.eventsVerify(label), ZVerifyEventsResponse, recorded);
    if (options.json) printJson(verdict);
    else console.log(formatVerdict(verdict));
    return verdict.ok ? EXIT.ok : EXIT.failure;
  });
}

export async function runBackfill(options: TBackfillOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const ref = parseOption(ZInputSetRef, '--label', options.label);
    const body: TBackfillEventRequest = parseOptions(EVENT_OPERATIONS.backfillEvent.body.schema, {
      comment: ['--comment', options.comment],
    });
    // POST /api/plans/input_sets/{ref}/events/backfill: the events path of the reference, plus /backfill.
    const event = await api.sendJson('POST', `${API.events(ref)}/backfill`, body, ZInputSetEvent);
    if (options.json) return printJson(event);
    console.log(
      `✓ Recorded backfill event ${event.id} for '${event.label}' r${event.revision} (${String(event.metadata.status_at_backfill)}).`,
    );
  });
}
