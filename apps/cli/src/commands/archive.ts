import type { Command } from 'commander';
import { archiveRevision } from '@planning-hub/server/services/review/archive-revision';
import { cliPrincipal } from '../actor';
import { printJson, withRuntime } from '../cli-runtime';
import { formatTransition } from '../format-review';

export function registerArchiveCommand(program: Command): void {
  program
    .command('archive')
    .description('Archive any revision (admin task; not offered in the UI). Archiving the ready one leaves the label without one.')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .requiredOption('--comment <text>', 'why (kept in review_comment and the archive event)')
    .option('--actor <id>', 'who the event names (default: your OS user)')
    .option('--json', 'print the archived revision as JSON')
    .action(async (options: { label: string; comment: string; actor?: string; json?: boolean }) => {
      await withRuntime(async ({ db, metrics }) => {
        const principal = cliPrincipal();
        const result = await archiveRevision({
          pool: db.pool,
          metrics,
          ref: options.label,
          comment: options.comment,
          actor: options.actor ?? principal.replace(/^cli:/, ''),
          principal,
        });
        if (options.json) return printJson(result);
        console.log(formatTransition('Archived', result));
      });
    });
}
