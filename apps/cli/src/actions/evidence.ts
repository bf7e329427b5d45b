import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ZBrowserSession, type TBrowserSession } from '@planning-hub/contracts/api/auth';
import { ZEventsResponse, type TEventsResponse } from '@planning-hub/contracts/api/events';
import { ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { ZLabel } from '@planning-hub/contracts/labels';
import { jstDate } from '@planning-hub/contracts/time/format-jst';
import type { TApiClient } from '../api/api-client';
import { CliError, EXIT } from '../cli-errors';
import { cliText } from '../cli-text';
import { printJson, runWithApi } from '../cli-runtime';
import type { TEvidenceOptions } from '../commands/evidence';
import { captureHistoryPage, checkHistoryPageServed, loadPlaywright } from '../history-screenshot';
import { parseOption } from '../options/parse-options';

const EVENTS_PAGE = 1000;
/** Today in Japan as YYYYMMDD: the runbook's `$(date +%Y%m%d)` on an operator's machine in Tokyo. */
function todayJst(now: Date = new Date()): string {
  return jstDate(now).replaceAll('-', '');
}

function parseEvidenceDate(text: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (
    !match ||
    !date ||
    date.getUTCDate() !== Number(match[3]) ||
    date.getUTCMonth() !== Number(match[2]) - 1
  ) {
    throw new CliError(cliText('cli.error.date_invalid', { text: text.slice(0, 20) }));
  }
  return text;
}

/**
 * Every event of the label, newest first, in the shape the events API answers (one page,
 * nextCursor null), with the chain's head as the first page found it: kept in events.json,
 * it lets `planning events verify --head <events.json>` tell later whether events were removed.
 */
async function readAllEvents(api: TApiClient, label: string): Promise<TEventsResponse> {
  const events: TEventsResponse['events'] = [];
  let cursor: string | undefined;
  let head: TEventsResponse['head'] | undefined;
  for (;;) {
    const page = await api.getJson(API.events(label), ZEventsResponse, { limit: EVENTS_PAGE, cursor });
    head ??= page.head;
    events.push(...page.events);
    if (page.nextCursor === null) return { label: page.label, events, nextCursor: null, head };
    cursor = page.nextCursor;
  }
}

/**
 * The reference whose History tab shows the label (a bare label names the ready revision
 * only): the ready revision, else the draft, else the newest.
 */
async function historyRefFor(api: TApiClient, label: string): Promise<string> {
  const { items } = await api.getJson(API.inputSets, ZListInputSetsResponse, { search: label, limit: 1000 });
  const revisions = items.filter((s) => s.label === label).sort((a, b) => b.revision - a.revision);
  const pick =
    revisions.find((r) => r.status === 'ready') ??
    revisions.find((r) => r.status === 'draft') ??
    revisions[0];
  return pick?.ref ?? label;
}

/** Ends the screenshot's browser session with its own cookie, so it does not outlive the command. */
async function endBrowserSession(api: TApiClient, session: TBrowserSession): Promise<void> {
  const response = await api.send(API.signOut, {
    method: 'POST',
    authenticated: false,
    headers: { cookie: `${session.cookieName}=${session.sessionId}`, 'x-csrf-token': session.csrfToken },
  });
  response.body.resume();
  if (response.status >= 400) {
    process.stderr.write(
      `warning: the screenshot's browser session could not be signed out (HTTP ${response.status}); it expires at ${session.expiresAt}.\n`,
    );
  }
}

async function takeHistoryPng(
  api: TApiClient,
  label: string,
  file: string,
  chromiumPath: string | undefined,
): Promise<string | null> {
  const historyRef = await historyRefFor(api, label);
  // `@` stays readable, as the SPA writes its own links (apps/web/src/config/paths.ts).
  const historyPath = `/ui/plans/input_sets/${encodeURIComponent(historyRef).replace(/%40/g, '@')}/history`;
  const notServed = await checkHistoryPageServed(api, historyPath);
  if (notServed) return notServed;
  const loaded = await loadPlaywright();
  if (!('playwright' in loaded)) return loaded.reason;
  const session = await api.sendJson('POST', API.browserSession, {}, ZBrowserSession);
  try {
    const outcome = await captureHistoryPage({
      playwright: loaded.playwright,
      chromiumPath,
      baseUrl: api.serverUrl,
      historyPath,
      cookie: { name: session.cookieName, value: session.sessionId },
      file,
    });
    return outcome.ok ? null : outcome.reason;
  } catch (error) {
    return `the browser could not capture ${api.serverUrl}${historyPath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await endBrowserSession(api, session);
  }
}

export async function runEvidence(options: TEvidenceOptions): Promise<void> {
  await runWithApi(options, async ({ api, env }) => {
    const label = parseOption(ZLabel, '--label', options.label);
    const dir = path.resolve('evidence', 'input_sets', label, parseEvidenceDate(options.date ?? todayJst()));
    const events = await readAllEvents(api, label);
    await mkdir(dir, { recursive: true });
    const eventsJson = path.join(dir, 'events.json');
    await writeFile(eventsJson, `${JSON.stringify(events, null, 2)}\n`);

    const png = path.join(dir, 'history.png');
    const screenshotError = await takeHistoryPng(api, label, png, env.chromiumPath);
    if (options.json) {
      printJson({
        dir,
        eventsJson,
        events: events.events.length,
        historyPng: screenshotError ? null : png,
        screenshotError,
      });
    } else {
      console.log(`✓ ${eventsJson} (${events.events.length} events)`);
      if (!screenshotError) console.log(`✓ ${png}`);
    }
    if (screenshotError) {
      process.stderr.write(`✗ history.png was not written: ${screenshotError}\n`);
      return EXIT.failure;
    }
    return EXIT.ok;
  });
}
