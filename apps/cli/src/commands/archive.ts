import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TArchiveOptions = TConnectionOptions & { label: string; comment: string; json?: boolean };

export function registerArchiveCommand(program: Command): void {
  const command = program
    .command('archive')
    .description(
      'Archive any revision (admin task; not offered in the UI). Archiving the ready one leaves the label without one.',
    )
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .requiredOption('--comment <text>', 'why (kept in review_comment and the archive event)')
    .option('--json', 'print the archived revision as JSON');
  withConnectionOptions(command).action(async (options: TArchiveOptions) =>
    (await import('../actions/archive')).runArchive(options),
  );
}
