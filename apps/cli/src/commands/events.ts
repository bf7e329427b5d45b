import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '@planning-hub/server/errors/app-error';
import { backfillEvent } from '@planning-hub/server/services/events/backfill-event';
import { listEvents } from '@planning-hub/server/services/events/list-events';
import { verifyEvents } from '@planning-hub/server/services/events/verify-events';
import { cliPrincipal } from '../actor';
import { EXIT, printJson, withRuntime } from '../cli-runtime';
import { formatEvents, formatVerdict } from '../format-review';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('a whole number from 1 to 1000.');
  return n;
}

export function registerEventsCommands(program: Command): void {
  // `events verify --label x`: without positional options the parent `events` would take
  // the --label meant for `verify`. The program has no options of its own, so nothing else changes.
  program.enablePositionalOptions();

  const events = program
    .command('events')
    .description("Show a label's audit events, newest first across all its revisions (runbook section 4).")
    .option('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--limit <n>', 'at most this many (1-1000)', parseLimit, 100)
    .option('--cursor <id>', 'continue after this event (the nextCursor of the previous page)')
    .option('--json', 'print the API response ({label, events, nextCursor}) and nothing else')
    .enablePositionalOptions()
    .addHelpText(
      'after',
      '\nFor the evidence folder (runbook 4.1):\n  pnpm -s planning events --label weekly_refresh --limit 100 --json > tmp/audit/input-set-weekly_refresh-$(date +%Y%m%d).json',
    )
    .action(async (options: { label?: string; limit: number; cursor?: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        if (!options.label) throw new AppError('bad_request', { message: "Give the label: planning events --label <label>." });
        const page = await listEvents({ pool: db.pool, label: options.label, limit: options.limit, cursor: options.cursor });
        if (options.json) printJson(page);
        else console.log(formatEvents(page));
      });
    });

  events
    .command('verify')
    .description("Check the label's hash chain: exit 0 when intact, 1 naming the first broken link.")
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { label: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const verdict = await verifyEvents({ pool: db.pool, label: options.label });
        if (options.json) printJson(verdict);
        else console.log(formatVerdict(verdict));
        return verdict.ok ? EXIT.ok : EXIT.failure;
      });
    });

  events
    .command('backfill')
    .description('Record a backfill event for a revision that has no events at all (runbook 4.3: 0 events).')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .requiredOption('--comment <text>', 'why its events are missing (ticket, import run)')
    .option('--actor <id>', 'who the event names (default: your OS user)')
    .option('--json', 'print the event as JSON')
    .action(async (options: { label: string; comment: string; actor?: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const principal = cliPrincipal();
        const event = await backfillEvent({
          pool: db.pool,
          ref: options.label,
          comment: options.comment,
          actor: options.actor ?? principal.replace(/^cli:/, ''),
          principal,
        });
        if (options.json) return printJson(event);
        console.log(`✓ Recorded backfill event ${event.id} for '${event.label}' r${event.revision} (${String(event.metadata.status_at_backfill)}).`);
      });
    });
}
