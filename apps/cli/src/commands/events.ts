import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TEventsOptions = TConnectionOptions & {
  label?: string;
  limit: string;
  cursor?: string;
  json?: boolean;
  output?: string;
};
export type TVerifyOptions = TConnectionOptions & { label: string; head?: string; json?: boolean };
export type TBackfillOptions = TConnectionOptions & { label: string; comment: string; json?: boolean };

export function registerEventsCommands(program: Command): void {
  const events = program
    .command('events')
    .description(
      "Show a label's audit events, newest first across all its revisions (docs/runbook.ja.md section 4).",
    )
    .option('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--limit <n>', 'at most this many (1-1000)', '100')
    .option('--cursor <id>', 'continue after this event (the nextCursor of the previous page)')
    .option('--json', 'print the API response ({label, events, nextCursor, head}) and nothing else')
    .option(
      '-o, --output <file>',
      'write it to this file instead (its folders are created); with --json, the JSON document',
    )
    // `events verify --label x`: without positional options `events` would take the --label meant for `verify`.
    .enablePositionalOptions()
    .addHelpText(
      'after',
      '\nFor the audit folder (runbook 4.1); -o creates tmp/audit/ when it is missing:\n  planning events --label weekly_refresh --limit 100 --json -o tmp/audit/input-set-weekly_refresh-$(date +%Y%m%d).json',
    );
  withConnectionOptions(events).action(async (options: TEventsOptions) =>
    (await import('../actions/events')).runEvents(options),
  );

  const verify = events
    .command('verify')
    .description("Check the label's hash chain: exit 0 when intact, 1 naming the first broken link.")
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .option(
      '--head <hash|file>',
      'a head recorded earlier (its hash, or the events.json of an evidence folder): fail when it is no longer in the chain, e.g. after events were removed from the end',
    )
    .option('--json', 'print the verdict as JSON');
  withConnectionOptions(verify).action(async (options: TVerifyOptions) =>
    (await import('../actions/events')).runVerify(options),
  );

  const backfill = events
    .command('backfill')
    .description(
      'Record a backfill event for a revision that has no events at all (runbook 4.3: 0 events), as the signed-in user.',
    )
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .requiredOption('--comment <text>', 'why its events are missing (ticket, import run)')
    .option('--json', 'print the event as JSON');
  withConnectionOptions(backfill).action(async (options: TBackfillOptions) =>
    (await import('../actions/events')).runBackfill(options),
  );
}
