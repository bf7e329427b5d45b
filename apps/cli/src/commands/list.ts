import { Option, type Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';
import { LIST_DEFAULT_LIMIT } from './list-defaults';

export type TListOptions = TConnectionOptions & {
  status?: 'draft' | 'ready' | 'archived';
  search?: string;
  limit: string;
  json?: boolean;
};

export function registerListCommand(program: Command): void {
  const command = program
    .command('list')
    .description('List input set revisions with their exact references (newest first).')
    .addOption(
      new Option('--status <status>', 'only revisions in this status').choices([
        'draft',
        'ready',
        'archived',
      ]),
    )
    .option('--search <text>', 'part of a label or version id')
    .option('--limit <n>', 'at most this many', LIST_DEFAULT_LIMIT)
    .option('--json', 'print JSON ({items, total})');
  withConnectionOptions(command).action(async (options: TListOptions) =>
    (await import('../actions/list')).runList(options),
  );
}
